// The model documentation cannot drift silently from the code: every `file: function` reference
// in docs/ODD.md must name a function defined in that file, and every engine source file must be
// described somewhere in it.
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

struct Reference {
    std::string file, function;
};

// Backticked `sim/...ext: name` references.
std::vector<Reference> references(const std::string& doc) {
    std::vector<Reference> out;
    for (std::size_t at = doc.find("`sim/"); at != std::string::npos;
         at = doc.find("`sim/", at + 1)) {
        const auto end = doc.find('`', at + 1);
        if (end == std::string::npos) break;
        const std::string inside = doc.substr(at + 1, end - at - 1);
        const auto colon = inside.find(": ");
        if (colon == std::string::npos) continue;
        out.push_back({inside.substr(0, colon), inside.substr(colon + 2)});
    }
    return out;
}

} // namespace

TEST_CASE("every file: function reference in docs/ODD.md exists in the code") {
    const std::filesystem::path root = TENDERSIM_SOURCE_DIR;
    const std::string doc = read(root / "docs/ODD.md");
    const auto refs = references(doc);
    REQUIRE(refs.size() > 50);
    for (const auto& r : refs) {
        CAPTURE(r.file);
        CAPTURE(r.function);
        const auto path = root / r.file;
        REQUIRE(std::filesystem::exists(path));
        const std::string code = read(path);
        // A definition or declaration: the name followed by an opening parenthesis, or a type.
        const std::string name = r.function.substr(
            r.function.rfind("::") == std::string::npos ? 0 : r.function.rfind("::") + 2);
        const bool found = code.find(name + "(") != std::string::npos ||
                           code.find("struct " + name) != std::string::npos ||
                           code.find("class " + name) != std::string::npos;
        CHECK(found);
    }
}

TEST_CASE("every engine source file is described in docs/ODD.md") {
    const std::filesystem::path root = TENDERSIM_SOURCE_DIR;
    const std::string doc = read(root / "docs/ODD.md");
    std::set<std::string> referenced;
    for (const auto& r : references(doc)) referenced.insert(r.file);
    for (const auto& entry : std::filesystem::directory_iterator(root / "sim/core")) {
        if (entry.path().extension() != ".cpp") continue;
        const std::string rel = "sim/core/" + entry.path().filename().string();
        CAPTURE(rel);
        CHECK((referenced.count(rel) > 0 || doc.find(rel) != std::string::npos));
    }
}
