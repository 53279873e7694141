#pragma once
namespace tendersim {
// `tendersim compare A.toml B.toml [C.toml ...] [--replicates N] [--years-at 5,10] ...`
int compare_command(int argc, char** argv);
// `tendersim sweep SWEEP.toml [--threads N] [--resume] [--restart] [--shard K/N] [--out DIR]`
int sweep_command(int argc, char** argv);
// `tendersim calibrate SCENARIO --draws N [--replicates R] [--resume] ...` (rejection ABC)
int calibrate_command(int argc, char** argv);
// `tendersim merge SWEEP.toml [--out DIR]`
int merge_command(int argc, char** argv);
} // namespace tendersim
