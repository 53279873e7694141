// Names that become directory names are identifiers, never paths, and are checked at load.
#include "io/input_file_error.hpp"
#include "io/names.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace tendersim;

TEST_CASE("names: identifiers, never paths") {
    for (const char* ok : {"baseline", "sv-10", "a_b", "v1.2", "A9", "x."})
        CHECK_MESSAGE(valid_name(ok), ok);
    for (const char* bad : {"", ".", "..", ".hidden", "/home/user/thesis", "../thesis", "a/b/c",
                            "a b", "a\\b", "tab\t", "caf\xc3\xa9", "a\nb", "~"})
        CHECK_MESSAGE(!valid_name(bad), bad);
    CHECK(valid_name(std::string(kMaxNameLength, 'a')));
    CHECK(!valid_name(std::string(kMaxNameLength + 1, 'a')));
    CHECK(quoted_name(std::string(100000, 'x')).size() < 80);
    CHECK(quoted_name(std::string(100000, 'x')).find("100000 characters") != std::string::npos);
}

TEST_CASE("names: a scenario name that is not an identifier is refused at load, located") {
    auto error_of = [](const std::string& name_value) -> std::string {
        try {
            load_scenario_text("schema_version = 1\n\nname = " + name_value + "\n", "my.toml");
        } catch (const ScenarioError& e) {
            CHECK(e.line() == 3);
            CHECK(e.key() == "name");
            return e.what();
        }
        return "no error";
    };
    for (const std::string v : {"\"/home/user/thesis\"", "\"../thesis\"", "\"a/b/c\"", "\"\"",
                                "\".\"", "\"..\"", "\".hidden\""}) {
        const std::string e = error_of(v);
        CHECK_MESSAGE(e.starts_with("my.toml:3: key 'name': expected a name of 1 to 100 letters"),
                      e);
    }
    const std::string huge = error_of("\"" + std::string(100000, 'n') + "\"");
    CHECK(huge.find("key 'name': expected a name of 1 to 100") != std::string::npos);
    CHECK(huge.size() < 400); // the name is shown cut short
    CHECK(error_of("\"ok-name_1.2\"") == "no error");
}
