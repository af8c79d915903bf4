using BenchmarkDotNet.Attributes;
using Gateway.Decisions;
using Gateway.Guards.Content;

namespace Gateway.Bench.Micro;

/// <summary>Step 2, content: render the template with the caller's values, normalise (NFKC), check the lexicon.</summary>
[Config(typeof(MicroConfig))]
public class ContentBenchmarks
{
    private readonly ContentGuard _guard = new();
    private DecisionContext _context = null!;

    [GlobalSetup]
    public void Setup() => _context = MicroFixture.Context(MicroFixture.Sms("America/New_York"));

    [Benchmark]
    public string Render() => TemplateRenderer.Render(_context.Request.Template, _context.Request.Parameters, systemValues: null).Body;

    [Benchmark]
    public string Normalize() => TextNormalizer.Normalize(_context.Request.Template.Body);

    [Benchmark(Baseline = true)]
    public string Guard_RenderAndLexicon() => _guard.Evaluate(_context).Detail;
}
