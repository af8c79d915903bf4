using Gateway.Decisions;
using Gateway.Requests;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Requests;

/// <summary>Step 1 of the pipeline against the shipped US preset: each bad field is named at its path, and a good request comes out normalised.</summary>
public sealed class ReminderValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Named changes to a valid overdue SMS, so that each row of the table below reads as a sentence.</summary>
    private static readonly Dictionary<string, Action<Reminder>> Changes = new()
    {
        ["empty idempotency key"] = r => r.IdempotencyKey = "",
        ["idempotency key with a space"] = r => r.IdempotencyKey = "key 1",
        ["idempotency key of 129 characters"] = r => r.IdempotencyKey = new string('k', 129),
        ["debtor id with a slash"] = r => r.DebtorId = "D/1",
        ["empty debt id"] = r => r.DebtId = "",
        ["debt id of 65 characters"] = r => r.DebtId = new string('d', 65),
        ["no purpose"] = r => r.Purpose = Purpose.Unspecified,
        ["no channel"] = r => r.Channel = Channel.Unspecified,
        ["phone without plus"] = r => r.ContactPoint = "2025550111",
        ["phone with letters"] = r => r.ContactPoint = "+1call-me",
        ["phone too short"] = r => r.ContactPoint = "+120255501",
        ["phone on an area code that does not exist"] = r => r.ContactPoint = "+11235550111",
        ["email with display name"] = r => (r.Channel, r.TemplateId, r.ContactPoint) = (Channel.Email, "overdue-email", "Avery Doe <avery@example.com>"),
        ["email without domain"] = r => (r.Channel, r.TemplateId, r.ContactPoint) = (Channel.Email, "overdue-email", "avery@"),
        ["push token too short"] = r => Push(r, "tok-123"),
        ["push token with a space"] = r => Push(r, "device token 0123456789"),
        ["empty locale"] = r => r.Locale = "",
        ["made-up locale"] = r => r.Locale = "xx-NOPE-1",
        ["unknown template"] = r => r.TemplateId = "overdue-fax",
        ["template for another purpose"] = r => r.TemplateId = "pre-due-sms",
        ["template for another channel"] = r => r.TemplateId = "overdue-email",
        ["template for another language"] = r => r.Locale = "zh-CN",
        ["unknown template parameter"] = r => r.TemplateParameters["nickname"] = "Ave",
        ["missing template parameter"] = r => r.TemplateParameters.Remove("first_name"),
        ["parameter with digits"] = r => r.TemplateParameters["first_name"] = "Avery 2",
        ["parameter carrying a sentence"] = r => r.TemplateParameters["first_name"] = "Avery. Pay now or we call the police",
        ["unknown time zone"] = r => r.RecipientTimeZone = "Mars/Olympus_Mons",
        ["defer until in the past"] = r => r.DeferUntil = Timestamp.FromDateTimeOffset(Now.AddMinutes(-1)),
        ["defer until now"] = r => r.DeferUntil = Timestamp.FromDateTimeOffset(Now),
    };

    public static TheoryData<string, string[]> BadFields => new()
    {
        { "empty idempotency key", ["reminder.idempotency_key"] },
        { "idempotency key with a space", ["reminder.idempotency_key"] },
        { "idempotency key of 129 characters", ["reminder.idempotency_key"] },
        { "debtor id with a slash", ["reminder.debtor_id"] },
        { "empty debt id", ["reminder.debt_id"] },
        { "debt id of 65 characters", ["reminder.debt_id"] },
        { "no purpose", ["reminder.purpose"] },
        { "no channel", ["reminder.channel"] },
        { "phone without plus", ["reminder.contact_point"] },
        { "phone with letters", ["reminder.contact_point"] },
        { "phone too short", ["reminder.contact_point"] },
        { "phone on an area code that does not exist", ["reminder.contact_point"] },
        { "email with display name", ["reminder.contact_point"] },
        { "email without domain", ["reminder.contact_point"] },
        { "push token too short", ["reminder.contact_point"] },
        { "push token with a space", ["reminder.contact_point"] },
        { "empty locale", ["reminder.locale"] },
        { "made-up locale", ["reminder.locale"] },
        { "unknown template", ["reminder.template_id"] },
        { "template for another purpose", ["reminder.template_id"] },
        { "template for another channel", ["reminder.template_id"] },
        { "template for another language", ["reminder.template_id"] },
        { "unknown template parameter", ["reminder.template_parameters[nickname]"] },
        { "missing template parameter", ["reminder.template_parameters[first_name]"] },
        { "parameter with digits", ["reminder.template_parameters[first_name]"] },
        { "parameter carrying a sentence", ["reminder.template_parameters[first_name]"] },
        { "unknown time zone", ["reminder.recipient_time_zone"] },
        { "defer until in the past", ["reminder.defer_until"] },
        { "defer until now", ["reminder.defer_until"] },
    };

    [Fact]
    public void BadFields_CoverEveryChange()
    {
        Assert.Equal(Changes.Keys.Order(StringComparer.Ordinal), BadFields.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Validate_BadField_NamesExactlyThatField(string change, string[] fields)
    {
        var reminder = TestReminders.OverdueSms();
        Changes[change](reminder);

        var result = Validator().Validate(reminder, RulePresets.Us, "tenant-a");

        Assert.False(result.IsValid);
        Assert.Null(result.Request);
        Assert.Equal(fields, result.Violations.Select(violation => violation.Field));
        Assert.All(result.Violations, violation => Assert.False(string.IsNullOrWhiteSpace(violation.Description)));
    }

    [Fact]
    public void Validate_PhoneInvalidForItsCountry_SaysSo()
    {
        var reminder = TestReminders.OverdueSms(phone: "+11235550111");

        var violation = Assert.Single(Validator().Validate(reminder, RulePresets.Us, "tenant-a").Violations);

        Assert.Contains("not a valid phone number for its country", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyBadFields_NamesEveryOneUnderThePrefix()
    {
        var reminder = TestReminders.OverdueSms();
        reminder.DebtorId = "";
        reminder.ContactPoint = "555";
        reminder.TemplateParameters["first_name"] = "<b>";
        reminder.RecipientTimeZone = "Nowhere/Town";

        var result = Validator().Validate(reminder, RulePresets.Us, "tenant-a", prefix: "reminders[3]");

        Assert.Equal(
            ["reminders[3].debtor_id", "reminders[3].contact_point", "reminders[3].template_parameters[first_name]", "reminders[3].recipient_time_zone"],
            result.Violations.Select(violation => violation.Field));
    }

    [Fact]
    public void Validate_NoReminder_NamesThePrefix()
    {
        var violation = Assert.Single(Validator().Validate(null, RulePresets.Us, "tenant-a").Violations);

        Assert.Equal("reminder", violation.Field);
    }

    [Theory]
    [InlineData(Channel.Sms, "overdue-sms", "+1 (202) 555-0111", "+12025550111")]
    [InlineData(Channel.Voice, "overdue-voice", "+44 20 7946 0958", "+442079460958")]
    [InlineData(Channel.Email, "overdue-email", "Avery.Doe@Example.COM", "Avery.Doe@example.com")]
    [InlineData(Channel.Push, "overdue-push", "fcm:APA91bH-0123456789_abc", "fcm:APA91bH-0123456789_abc")]
    public void Validate_ValidRequest_NormalisesTheContactPoint(Channel channel, string templateId, string contactPoint, string normalised)
    {
        var reminder = TestReminders.OverdueSms();
        (reminder.Channel, reminder.TemplateId, reminder.ContactPoint) = (channel, templateId, contactPoint);
        if (templateId == "overdue-push")
        {
            reminder.TemplateParameters.Clear();
        }

        var result = Validator().Validate(reminder, RulePresets.Us, "tenant-a");

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal(normalised, result.Request!.Contact.Value);
        Assert.Equal(ContactPoint.KindOf(channel), result.Request.Contact.Kind);
    }

    [Fact]
    public void Validate_ValidRequest_CarriesEveryFieldInGatewayTypes()
    {
        var reminder = TestReminders.OverdueSms(key: "k-42");
        reminder.RecipientTimeZone = "America/Chicago";
        reminder.DeferUntil = Timestamp.FromDateTimeOffset(Now.AddHours(12));

        var request = Validator().Validate(reminder, RulePresets.Us, "tenant-a").Request!;

        Assert.Equal("tenant-a", request.TenantId);
        Assert.Equal("k-42", request.IdempotencyKey);
        Assert.Equal((TestSeed.DueDebtor, TestSeed.DueDebt), (request.DebtorId, request.DebtId));
        Assert.Equal((Purpose.OverdueNotice, Channel.Sms), (request.Purpose, request.Channel));
        Assert.Equal("overdue-sms", request.Template.Id);
        Assert.Equal("America/Chicago", request.RecipientTimeZone!.Id);
        Assert.Equal(Now.AddHours(12), request.DeferUntil);
        Assert.Equal("Avery", request.Parameters["first_name"]);
        Assert.NotNull(request.Contact.Phone);
        Assert.Equal(RequestFingerprint.Of(reminder), request.Fingerprint);
    }

    [Fact]
    public void Validate_RegionalLocale_IsServedByLanguageTemplate()
    {
        var reminder = TestReminders.OverdueSms();
        reminder.Locale = "en-GB";

        Assert.True(Validator().Validate(reminder, RulePresets.Us, "tenant-a").IsValid);
    }

    [Fact]
    public void Fingerprint_IgnoresParameterInsertionOrder()
    {
        var first = TestReminders.OverdueSms(key: "k-1");
        first.TemplateParameters.Clear();
        first.TemplateParameters.Add("first_name", "Avery");
        first.TemplateParameters.Add("branch", "North");
        first.TemplateParameters.Add("agent", "Sam");
        var second = TestReminders.OverdueSms(key: "k-2");
        second.TemplateParameters.Clear();
        second.TemplateParameters.Add("agent", "Sam");
        second.TemplateParameters.Add("first_name", "Avery");
        second.TemplateParameters.Add("branch", "North");

        Assert.Equal(RequestFingerprint.Of(first), RequestFingerprint.Of(second));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyValue()
    {
        var original = TestReminders.OverdueSms(key: "k-1");
        var renamed = TestReminders.OverdueSms(key: "k-1");
        renamed.TemplateParameters["first_name"] = "Avera";
        var moved = TestReminders.OverdueSms(key: "k-1");
        moved.RecipientTimeZone = "America/Denver";

        var fingerprint = RequestFingerprint.Of(original);

        Assert.NotEqual(fingerprint, RequestFingerprint.Of(renamed));
        Assert.NotEqual(fingerprint, RequestFingerprint.Of(moved));
    }

    /// <summary>The push template takes no caller parameters.</summary>
    private static void Push(Reminder reminder, string token)
    {
        (reminder.Channel, reminder.TemplateId, reminder.ContactPoint) = (Channel.Push, "overdue-push", token);
        reminder.TemplateParameters.Clear();
    }

    private static ReminderValidator Validator() => new(new FakeTimeProvider(Now));
}
