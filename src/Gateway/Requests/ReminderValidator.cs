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
    /// <summary>Every pattern here is whole-string (<c>\A…\z</c>: <c>$</c> would match before a final "\n") and bounded in time.</summary>
    private const int MatchTimeoutMs = 100;
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

        // Measured before any field is read: the work a request causes is bounded by its size.
        if (reminder.CalculateSize() > RequestLimits.MaxReminderBytes)
        {
            Add(violations, prefix, $"is larger than {RequestLimits.MaxReminderBytes} bytes; no field was examined");
            return new ValidationResult(null, violations);
        }

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
        if (reminder.RecipientTimeZone.Length > 0
            && (!TimeZoneId().IsMatch(reminder.RecipientTimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(reminder.RecipientTimeZone, out zone)))
        {
            Add(violations, Field("recipient_time_zone"), $"'{Truncate(reminder.RecipientTimeZone)}' is not an IANA time zone");
        }

        DateTimeOffset? deferUntil = null;
        if (reminder.DeferUntil is not null)
        {
            var now = time.GetUtcNow();
            deferUntil = TimestampField.Read(reminder.DeferUntil, Field("defer_until"), violations);
            if (deferUntil <= now && !releasing)
            {
                Add(violations, Field("defer_until"), "must be in the future");
            }
            else if (deferUntil > now + RequestLimits.MaxDeferral)
            {
                Add(violations, Field("defer_until"), $"may be at most {RequestLimits.MaxDeferral.TotalDays:0} days ahead");
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
        ArgumentNullException.ThrowIfNull(value);
        if (!FieldText.IsClean(value))
        {
            // Checked first: libphonenumber and MailAddress both skip what they do not expect, so
            // "+12025550101\n" would otherwise come out as a valid number that is not what was sent.
            Add(violations, field, FieldText.Refusal);
            return null;
        }

        switch (ContactPoint.KindOf(channel))
        {
            case Lending.V1.ContactKind.Phone:
                if (!PhoneText().IsMatch(value))
                {
                    Add(violations, field, "must be an E.164 phone number starting with + and the country code (digits, spaces, ( ) . - only)");
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
        if (reminder.TemplateParameters.Count > RequestLimits.MaxParameters)
        {
            Add(violations, field, $"has {reminder.TemplateParameters.Count} entries; at most {RequestLimits.MaxParameters}, and none was examined");
            return;
        }

        foreach (var (name, value) in reminder.TemplateParameters)
        {
            if (!template.Parameters.TryGetValue(name, out var parameter))
            {
                Add(violations, $"{field}[{Truncate(name)}]", $"is not a parameter of template '{template.Id}'");
            }
            else if (value.Length > RequestLimits.MaxParameterValueLength)
            {
                Add(violations, $"{field}[{name}]", $"is longer than {RequestLimits.MaxParameterValueLength} characters");
            }
            else if (!FieldText.IsClean(value))
            {
                Add(violations, $"{field}[{name}]", FieldText.Refusal);
            }
            else if (!Matches(parameter.Pattern, value))
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
        // CultureInfo accepts a trailing NUL and other junk after a known name: the tag's shape is checked first.
        if (locale.Length > 35 || !LocaleTag().IsMatch(locale))
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

    /// <summary>A caller's text quoted in a field path or description: short, and with what cannot be seen made visible.</summary>
    private static string Truncate(string value)
    {
        var shown = value.Length <= 64 ? value : value[..64] + "…";
        return FieldText.IsClean(shown) ? shown : string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c));
    }

    private static void Add(List<BadRequest.Types.FieldViolation> violations, string field, string description) =>
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    [GeneratedRegex(@"\A[A-Za-z0-9._:-]{1,128}\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\Arem_[0-9a-f]{32}\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex ReminderId();

    [GeneratedRegex(@"\A[A-Za-z0-9:_.-]{16,4096}\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex PushToken();

    /// <summary>A phone number as people write it: + and the country code, then digits and the usual separators.</summary>
    [GeneratedRegex(@"\A\+[0-9][0-9 ().-]{0,28}[0-9]\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex PhoneText();

    /// <summary>A BCP 47 tag's shape (language, then subtags of letters and digits), before CultureInfo is asked.</summary>
    [GeneratedRegex(@"\A[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LocaleTag();

    /// <summary>An IANA zone name's shape ("America/New_York", "Etc/GMT+5"): no path tricks reach the zone database.</summary>
    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_+-]{0,31}(?:/[A-Za-z0-9_+-]{1,32}){0,3}\z", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex TimeZoneId();
}
