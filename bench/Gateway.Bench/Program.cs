using BenchmarkDotNet.Running;
using Gateway.Bench.Macro;

// `make bench` runs the macro benchmark (the whole gateway under load); `make bench-micro` passes
// --micro and runs the BenchmarkDotNet micro-benchmarks of the hot pure steps instead;
// --alloc-report reads a trace written by a run with --alloc-trace.
if (args.Length > 0 && args[0] == "--micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(MacroBench).Assembly).Run(args[1..]);
    return 0;
}

if (args.Length == 2 && args[0] == "--alloc-report")
{
    return AllocationReport.Print(args[1]);
}

return await MacroBench.RunAsync(BenchSettings.Parse(args));
