using Gateway.Api;
using Gateway.Requests;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Requests;

/// <summary>
/// Input written to slip past validation: a final "\n" that "$" lets through, a NUL, invisible
/// characters, sizes and instants nothing bounded. Each is refused naming exactly its field.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Action<Reminder>> Changes = new()
    {
        ["debtor id with a final newline"] = r => r.DebtorId = "D-1004\n",
        ["debt id with a final newline"] = r => r.DebtId = "L-1\n",
        ["idempotency key with a final newline"] = r => r.IdempotencyKey = "k-1\n",
        ["first name with a final newline"] = r => r.TemplateParameters["first_name"] = "Avery\n",
        ["first name with a zero-width space"] = r => r.TemplateParameters["first_name"] = "Av\u200Bery",
        ["first name with a right-to-left override"] = r => r.TemplateParameters["first_name"] = "Avery\u202E",
        ["first name with a NUL"] = r => r.TemplateParameters["first_name"] = "Avery\0",
        ["first name with an unpaired surrogate"] = r => r.TemplateParameters["first_name"] = "Avery\uD800",
        ["first name of 257 characters"] = r => r.TemplateParameters["first_name"] = new string('a', 257),
        ["phone with a final newline"] = r => r.ContactPoint = TestSeed.DuePhone + "\n",
        ["phone with trailing text"] = r => r.ContactPoint = TestSeed.DuePhone + " call me",
        ["phone with a NUL"] = r => r.ContactPoint = TestSeed.DuePhone + "\0",
        ["email with a final newline"] = r => (r.Channel, r.TemplateId, r.ContactPoint) = (Channel.Email, "overdue-email", "avery@example.com\n"),
        ["locale with a NUL"] = r => r.Locale = "en-US\0",
        ["locale with a final newline"] = r => r.Locale = "en-US\n",
        ["time zone with a final newline"] = r => r.RecipientTimeZone = "America/New_York\n",
        ["time zone as a path"] = r => r.RecipientTimeZone = "../../../etc/localtime",
        ["template id with a final newline"] = r => r.TemplateId = "overdue-sms\n",
        ["defer until in year 9999"] = r => r.DeferUntil = Timestamp.FromDateTimeOffset(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)),
        ["defer until past year 9999"] = r => r.DeferUntil = new Timestamp { Seconds = 253_402_300_800 },
        ["defer until with negative nanos"] = r => r.DeferUntil = new Timestamp { Seconds = Now.AddDays(1).ToUnixTimeSeconds(), Nanos = -1 },
        ["defer until 367 days ahead"] = r => r.DeferUntil = Timestamp.FromDateTimeOffset(Now.AddDays(367)),
        ["33 template parameters"] = r => r.TemplateParameters.Add(Enumerable.Range(0, 32).ToDictionary(i => $"p{i}", _ => "x")),
        ["four fallbacks"] = r => r.FallbackChannels.AddRange([Channel.Email, Channel.Voice, Channel.Push, Channel.Email]),
        ["a reminder of 40 KiB"] = r => r.ContactPoint = new string('9', 40 * 1024),
    };

    public static TheoryData<string, string> BadFields => new()
    {
        { "debtor id with a final newline", "reminder.debtor_id" },
        { "debt id with a final newline", "reminder.debt_id" },
        { "idempotency key with a final newline", "reminder.idempotency_key" },
        { "first name with a final newline", "reminder.template_parameters[first_name]" },
        { "first name with a zero-width space", "reminder.template_parameters[first_name]" },
        { "first name with a right-to-left override", "reminder.template_parameters[first_name]" },
        { "first name with a NUL", "reminder.template_parameters[first_name]" },
        { "first name with an unpaired surrogate", "reminder.template_parameters[first_name]" },
        { "first name of 257 characters", "reminder.template_parameters[first_name]" },
        { "phone with a final newline", "reminder.contact_point" },
        { "phone with trailing text", "reminder.contact_point" },
        { "phone with a NUL", "reminder.contact_point" },
        { "email with a final newline", "reminder.contact_point" },
        { "locale with a NUL", "reminder.locale" },
        { "locale with a final newline", "reminder.locale" },
        { "time zone with a final newline", "reminder.recipient_time_zone" },
        { "time zone as a path", "reminder.recipient_time_zone" },
        { "template id with a final newline", "reminder.template_id" },
        { "defer until in year 9999", "reminder.defer_until" },
        { "defer until past year 9999", "reminder.defer_until" },
        { "defer until with negative nanos", "reminder.defer_until" },
        { "defer until 367 days ahead", "reminder.defer_until" },
        { "33 template parameters", "reminder.template_parameters" },
        { "four fallbacks", "reminder.fallback_channels" },
        { "a reminder of 40 KiB", "reminder" },
    };

    [Fact]
    public void BadFields_CoverEveryChange() =>
        Assert.Equal(Changes.Keys.Order(StringComparer.Ordinal), BadFields.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Validate_HostileField_NamesExactlyThatField(string change, string field)
    {
        var reminder = TestReminders.OverdueSms();
        Changes[change](reminder);

        var result = Validator().Validate(reminder, RulePresets.Us, "tenant-a");

        Assert.Null(result.Request);
        Assert.Equal([field], result.Violations.Select(violation => violation.Field));
    }

    [Fact]
    public void Validate_DeferUntilWithinAYear_IsAccepted()
    {
        var reminder = TestReminders.OverdueSms().Deferrable(Now.AddDays(365));

        Assert.True(Validator().Validate(reminder, RulePresets.Us, "tenant-a").IsValid);
    }

    [Fact]
    public void InvalidArgument_AThousandViolations_KeepsTheFirstTwentyAndCountsTheRest()
    {
        var violations = Enumerable.Range(0, 1000).Select(i => new BadRequest.Types.FieldViolation { Field = $"reminder.template_parameters[p{i}]", Description = new string('x', 5000) });

        var status = RpcErrors.InvalidArgument(violations).GetRpcStatus()!;
        var badRequest = status.GetDetail<BadRequest>();

        Assert.Equal(ViolationCap.MaxViolations + 1, badRequest.FieldViolations.Count);
        Assert.Equal("reminder.template_parameters[p20]", badRequest.FieldViolations[^1].Field);
        Assert.Contains("980 more", badRequest.FieldViolations[^1].Description, StringComparison.Ordinal);
        Assert.All(badRequest.FieldViolations, v => Assert.True(v.Description.Length <= ViolationCap.MaxDescriptionLength));

        // Far inside the 16 KiB a client accepts in its response headers by default.
        Assert.True(status.CalculateSize() + status.Message.Length < 12 * 1024, $"{status.CalculateSize()} bytes");
    }

    private static ReminderValidator Validator() => new(new FakeTimeProvider(Now));
}
