using BenchmarkDotNet.Attributes;
using Gateway.Requests;
using Gateway.V1;

namespace Gateway.Bench.Micro;

/// <summary>Step 1: every field of a reminder, the phone number through libphonenumber.</summary>
[Config(typeof(MicroConfig))]
public class ValidationBenchmarks
{
    private readonly ReminderValidator _validator = new(TimeProvider.System);
    private readonly Reminder _withZone = MicroFixture.Sms("America/New_York");
    private readonly Reminder _withoutZone = MicroFixture.Sms();

    [Benchmark(Baseline = true)]
    public bool Validate_SmsWithZone() => _validator.Validate(_withZone, MicroFixture.Rules, MicroFixture.TenantId).IsValid;

    [Benchmark]
    public bool Validate_SmsWithoutZone() => _validator.Validate(_withoutZone, MicroFixture.Rules, MicroFixture.TenantId).IsValid;
}
