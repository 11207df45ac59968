//! Thin entry point: everything happens in `lagesbild::cli`.

fn main() -> std::process::ExitCode {
    lagesbild::cli::main()
}
