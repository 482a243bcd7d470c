using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Readout.Benchmarks -- --filter '*'            every stage on both corpora
// dotnet run -c Release --project bench/Readout.Benchmarks -- --filter '*figures*' --job short
Readout.Pipeline.TextLimits.Apply();
BenchmarkSwitcher.FromAssembly(typeof(Readout.Benchmarks.StageBenchmarks).Assembly).Run(args);
