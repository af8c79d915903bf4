using System.Collections.Frozen;
using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;
using Google.Rpc;
using PhoneNumbers;

namespace Gateway.Requests;

/// <summary>
/// Step 1 of the pipeline: checks every field of a reminder against the rule set in force and
/// names each problem with its field path. It never stops at the first problem.
/// </summary>
internal sealed partial class ReminderValidator(TimeProvider time)
{
    private const int MaxParameterValueLength = 256;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <param name="releasing">True when a held reminder is validated again at its release: its <c>defer_until</c> may have come close or passed.</param>
    public ValidationResult Validate(Reminder? reminder, RuleSet rules, string tenantId, string prefix = "reminder", bool releasing = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (reminder is null)
        {
            Add(violations, prefix, "is required");
            return new ValidationResult(null, violations);
        }

        string Field(string name) => $"{prefix}.{name}";

        if (!IdempotencyKey().IsMatch(reminder.IdempotencyKey))
        {
            Add(violations, Field("idempotency_key"), "must be 1 to 128 characters of [A-Za-z0-9._:-]");
        }

        if (!Identifier().IsMatch(reminder.DebtorId))
        {
            Add(violations, Field("debtor_id"), "must be 1 to 64 characters of [A-Za-z0-9._-]");
        }

        if (!Identifier().IsMatch(reminder.DebtId))
        {
            Add(violations, Field("debt_id"), "must be 1 to 64 characters of [A-Za-z0-9._-]");
        }

        if (reminder.Purpose == Purpose.Unspecified || !Enum.IsDefined(reminder.Purpose))
        {
            Add(violations, Field("purpose"), "must be set to a known purpose");
        }

        if (reminder.Channel == Channel.Unspecified || !Enum.IsDefined(reminder.Channel))
        {
            Add(violations, Field("channel"), "must be set to a known channel");
        }

        var contact = ValidateContact(reminder.Channel, reminder.ContactPoint, Field("contact_point"), violations);

        var localeValid = IsLocale(reminder.Locale);
        if (!localeValid)
        {
            Add(violations, Field("locale"), "must be a BCP 47 locale such as en-US or zh-CN");
        }

        MessageTemplate? template = null;
        if (!rules.Templates.TryGet(reminder.TemplateId, out var found))
        {
            Add(violations, Field("template_id"), $"'{Truncate(reminder.TemplateId)}' is not an approved template in rule set v{rules.Version}");
        }
        else if (localeValid && reminder.Purpose != Purpose.Unspecified && reminder.Channel != Channel.Unspecified
                 && !TemplateCatalog.Serves(found, reminder.Purpose, reminder.Channel, reminder.Locale))
        {
            Add(violations, Field("template_id"), $"'{found.Id}' is for {RuleNames.Of(found.Purpose)} on {RuleNames.Of(found.Channel)} in {found.Locale}, not this purpose, channel and locale");
        }
        else
        {
            template = found;
        }

        if (template is not null)
        {
            ValidateParameters(template, reminder, Field("template_parameters"), violations);
        }

        TimeZoneInfo? zone = null;
        if (reminder.RecipientTimeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(reminder.RecipientTimeZone, out zone))
        {
            Add(violations, Field("recipient_time_zone"), $"'{Truncate(reminder.RecipientTimeZone)}' is not an IANA time zone");
        }

        DateTimeOffset? deferUntil = null;
        if (reminder.DeferUntil is not null)
        {
            try
            {
                deferUntil = reminder.DeferUntil.ToDateTimeOffset();
                if (deferUntil <= time.GetUtcNow() && !releasing)
                {
                    Add(violations, Field("defer_until"), "must be in the future");
                }
            }
            catch (InvalidOperationException)
            {
                Add(violations, Field("defer_until"), "is not a valid timestamp");
            }
        }

        var fallbacks = ValidateFallbacks(reminder, rules, contact, prefix, violations);
        if (violations.Count > 0)
        {
            return new ValidationResult(null, violations);
        }

        return new ValidationResult(
            new ReminderRequest
            {
                TenantId = tenantId,
                IdempotencyKey = reminder.IdempotencyKey,
                DebtorId = reminder.DebtorId,
                DebtId = reminder.DebtId,
                Purpose = reminder.Purpose,
                Channel = reminder.Channel,
                Contact = contact!,
                Template = template!,
                Locale = reminder.Locale,
                Parameters = reminder.TemplateParameters.ToFrozenDictionary(StringComparer.Ordinal),
                RecipientTimeZone = zone,
                DeferUntil = deferUntil,
                Fingerprint = RequestFingerprint.Of(reminder),
                Original = reminder,
                Fallbacks = fallbacks,
            },
            violations);
    }

    public static bool IsIdentifier(string value) => Identifier().IsMatch(value);

    public static bool IsIdempotencyKey(string value) => IdempotencyKey().IsMatch(value);

    public static bool IsReminderId(string value) => ReminderId().IsMatch(value);

    /// <summary>Checks a contact point for a channel; on failure adds a violation for <paramref name="field"/> and returns null.</summary>
    public static ContactPoint? ValidateContact(Channel channel, string value, string field, List<BadRequest.Types.FieldViolation> violations)
    {
        switch (ContactPoint.KindOf(channel))
        {
            case Lending.V1.ContactKind.Phone:
                if (!value.StartsWith('+'))
                {
                    Add(violations, field, "must be an E.164 phone number starting with + and the country code");
                    return null;
                }

                try
                {
                    var number = Phones.Parse(value, null);
                    if (!Phones.IsValidNumber(number))
                    {
                        Add(violations, field, "is not a valid phone number for its country");
                        return null;
                    }

                    return new ContactPoint(Lending.V1.ContactKind.Phone, Phones.Format(number, PhoneNumberFormat.E164), number);
                }
                catch (NumberParseException)
                {
                    Add(violations, field, "is not a phone number in E.164 form");
                    return null;
                }

            case Lending.V1.ContactKind.Email:
                if (value.Length is 0 or > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value || address.DisplayName.Length > 0)
                {
                    Add(violations, field, "must be a bare email address such as name@example.com");
                    return null;
                }

                return new ContactPoint(Lending.V1.ContactKind.Email, address.User + "@" + address.Host.ToLowerInvariant(), null);

            case Lending.V1.ContactKind.PushToken:
                if (!PushToken().IsMatch(value))
                {
                    Add(violations, field, "must be a device token of 16 to 4096 characters of [A-Za-z0-9:_.-]");
                    return null;
                }

                return new ContactPoint(Lending.V1.ContactKind.PushToken, value, null);

            default:
                // The channel's own violation already explains this; a contact point cannot be judged without it.
                return null;
        }
    }

    private static void ValidateParameters(MessageTemplate template, Reminder reminder, string field, List<BadRequest.Types.FieldViolation> violations)
    {
        foreach (var (name, value) in reminder.TemplateParameters)
        {
            if (!template.Parameters.TryGetValue(name, out var parameter))
            {
                Add(violations, $"{field}[{Truncate(name)}]", $"is not a parameter of template '{template.Id}'");
            }
            else if (value.Length > MaxParameterValueLength || !Matches(parameter.Pattern, value))
            {
                Add(violations, $"{field}[{name}]", $"does not match the pattern template '{template.Id}' declares for it");
            }
        }

        foreach (var parameter in template.Parameters.Values.Where(p => p.Required && !reminder.TemplateParameters.ContainsKey(p.Name)))
        {
            Add(violations, $"{field}[{parameter.Name}]", $"is required by template '{template.Id}'");
        }
    }

    private static bool Matches(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsLocale(string locale)
    {
        if (locale.Length is 0 or > 35)
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static void Add(List<BadRequest.Types.FieldViolation> violations, string field, string description) =>
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^rem_[0-9a-f]{32}$")]
    private static partial Regex ReminderId();

    [GeneratedRegex("^[A-Za-z0-9:_.-]{16,4096}$")]
    private static partial Regex PushToken();
}
