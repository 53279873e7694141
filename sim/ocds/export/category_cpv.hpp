#pragma once
// A representative CPV code for each of the default categories (categories.cpp), so an exported
// tender carries the classification registers use and an importer can map it back (the CPV
// prefixes chosen here fall under the same category in the importer's table,
// sim/ocds/import/cpv_categories.cpp). Categories a scenario names otherwise have none.
#include <string_view>

namespace tendersim::ocds {

struct CategoryCpv {
    std::string_view category;
    std::string_view cpv;         // 8 digits
    std::string_view description; // the CPV code's title
    std::string_view main;        // OCDS mainProcurementCategory: goods, works or services
};

// nullptr for a category name with no code.
const CategoryCpv* category_cpv(std::string_view category);

} // namespace tendersim::ocds
