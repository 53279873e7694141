#pragma once
namespace tendersim {
// `tendersim diagnose market DIR [--markdown FILE]`,
// `tendersim diagnose steady DIR [--windows 50,100,150,200] [--markdown FILE]`
int diagnose_command(int argc, char** argv);
} // namespace tendersim
