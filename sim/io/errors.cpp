#include "errors.hpp"

#include "core/money.hpp"

#include <cstring>
#include <iostream>
#include <new>

namespace tendersim {

const char* const kExitCodesHelp =
    "Exit status: 0 success; 1 a validation target missed (validate); 2 bad input (arguments, "
    "input files, an output directory that refuses the command); 3 I/O failure (a file could not "
    "be read or written: the message says which and why); 4 internal error; 130 interrupted.\n";

void throw_io_error(const std::string& what, const std::filesystem::path& path, int errno_value) {
    throw IoError(what + " " + path.string() + ": " + std::strerror(errno_value));
}

int exit_code_for(const std::exception& e) noexcept {
    // MarketTooLarge is an invalid_argument; MoneyOverflow is the scenario's money outgrowing
    // 64-bit pence: both are fixed by changing the input.
    if (dynamic_cast<const InputError*>(&e) || dynamic_cast<const std::invalid_argument*>(&e) ||
        dynamic_cast<const MoneyOverflow*>(&e))
        return kExitBadInput;
    if (dynamic_cast<const IoError*>(&e) ||
        dynamic_cast<const std::filesystem::filesystem_error*>(&e) ||
        dynamic_cast<const std::ios_base::failure*>(&e))
        return kExitIoFailure;
    return kExitInternal;
}

int report_error(const char* program, const std::exception& e) {
    const int code = exit_code_for(e);
    if (program) std::cerr << program << ": ";
    if (code == kExitInternal)
        std::cerr << "internal error"
                  << (dynamic_cast<const std::bad_alloc*>(&e) ? " (out of memory)" : "") << ": "
                  << e.what() << "\n";
    else
        std::cerr << "error: " << e.what() << "\n";
    return code;
}

void check_thread_count(int threads, const std::string& option) {
    if (threads < 1 || threads > kMaxThreads)
        throw InputError(option + " must be from 1 to " + std::to_string(kMaxThreads) + " (got " +
                         std::to_string(threads) + ")");
}

} // namespace tendersim
