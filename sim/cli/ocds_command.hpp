#pragma once
namespace tendersim {
// `tendersim ocds import FILES_OR_DIRS... --out SCENARIO.toml [--rate CUR=X]... [--name N]
// [--base PATH] [--min-sample N]`
int ocds_command(int argc, char** argv);
} // namespace tendersim
