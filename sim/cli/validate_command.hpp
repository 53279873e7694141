#pragma once
namespace tendersim {
// `tendersim validate [SCENARIO] [--replicates N] [--targets FILE] [--set k=v]...`
int validate_command(int argc, char** argv);
} // namespace tendersim
