using Gateway.Requests;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Tests.Functional;

/// <summary>
/// Generates reminders each made invalid by one to three mutations of a valid one, with the field
/// paths a correct answer must name. Seeded, so that a failure is reproduced by its seed.
/// </summary>
internal sealed class MalformedReminders(int seed, DateTimeOffset now)
{
    /// <summary>Characters that make a value look like another: line ends, NUL, zero-width, bidi overrides, a lone surrogate, odd spaces.</summary>
    private static readonly string[] Hostile = ["\n", "\r\n", "\0", "\u0007", "\u200B", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u2028", "\u00A0", "\u3000", "\uD800", "\uDC00", "\uE000", "\u0085"];

    private static readonly string[] Alphabet = ["a", "Z", "0", "-", "_", ".", ":", "/", " ", "é", "а", "逮", "😀", "%", "'", "\"", "\\", "$", "^", "(", ")", "|", "*"];

    private readonly Random _random = new(seed);

    public (Reminder Reminder, List<string> Fields) Next(Reminder valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var reminder = valid.Clone();
        var fields = new List<string>();
        var mutations = _random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            fields.Add("reminder." + Mutate(reminder));
        }

        if (reminder.CalculateSize() > RequestLimits.MaxReminderBytes)
        {
            fields.Add("reminder");
        }

        return (reminder, fields);
    }

    private string Mutate(Reminder r)
    {
        switch (_random.Next(14))
        {
            case 0:
                r.IdempotencyKey = Pick(Spoil(r.IdempotencyKey, 128), string.Empty);
                return "idempotency_key";
            case 1:
                r.DebtorId = Pick(Spoil(r.DebtorId, 64), string.Empty);
                return "debtor_id";
            case 2:
                r.DebtId = Pick(Spoil(r.DebtId, 64), string.Empty);
                return "debt_id";
            case 3:
                r.Purpose = Pick(Purpose.Unspecified, (Purpose)_random.Next(5, int.MaxValue), (Purpose)(-_random.Next(1, 100)));
                return "purpose";
            case 4:
                r.Channel = Pick(Channel.Unspecified, (Channel)_random.Next(5, int.MaxValue));
                return "channel";
            case 5:
                r.ContactPoint = Pick(Spoil(r.ContactPoint, 30), "", "+1" + Garbage(8), new string('9', _random.Next(40, 50_000)));
                return "contact_point";
            case 6:
                r.Locale = Pick(Spoil(r.Locale, 35), "", "xx-NOPE-1", "en_US", "en-US-" + new string('x', 40));
                return "locale";
            case 7:
                r.TemplateId = Pick(Spoil(r.TemplateId, 64), "", Garbage(20));
                return "template_id";
            case 8:
                return SpoilParameters(r);
            case 9:
                r.RecipientTimeZone = Pick(Spoil("America/New_York", 64), "../../../etc/passwd", "Mars/Olympus_Mons", "/usr/share/zoneinfo/UTC", Garbage(10));
                return "recipient_time_zone";
            case 10:
                r.DeferUntil = Pick(
                    Timestamp.FromDateTimeOffset(now.AddSeconds(-_random.Next(0, 1_000_000))),
                    Timestamp.FromDateTimeOffset(now.AddDays(_random.Next(367, 2_900_000))),
                    new Timestamp { Seconds = 253_402_300_800 + _random.Next(), Nanos = 0 },
                    new Timestamp { Seconds = now.AddDays(1).ToUnixTimeSeconds(), Nanos = Pick(-1, 1_000_000_000, int.MinValue, int.MaxValue) },
                    new Timestamp { Seconds = long.MinValue + _random.Next() },
                    new Timestamp { Seconds = long.MaxValue - _random.Next() });
                return "defer_until";
            case 11:
                r.FallbackChannels.Add(Pick(Channel.Unspecified, r.Channel, (Channel)_random.Next(5, 1000)));
                return "fallback_channels";
            case 12:
                r.FallbackChannels.AddRange(Enumerable.Range(0, _random.Next(4, 2000)).Select(_ => Pick(Channel.Email, Channel.Voice, Channel.Push)));
                return "fallback_channels";
            default:
                var key = Pick("fax", "sms", Garbage(5), Spoil("email", 10));
                if (_random.Next(2) == 0)
                {
                    r.FallbackTemplates[key] = "overdue-email";
                    return "fallback_templates";
                }

                r.FallbackContactPoints[key] = "a@example.com";
                return "fallback_contact_points";
        }
    }

    private string SpoilParameters(Reminder r)
    {
        switch (_random.Next(5))
        {
            case 0:
                r.TemplateParameters["first_name"] = Pick(Spoil("Avery", 40), string.Empty);
                break;
            case 1:
                r.TemplateParameters["first_name"] = Pick("Avery https://pay.example", "Avery <b>", "Avery2", new string('a', _random.Next(257, 5000)));
                break;
            case 2:
                r.TemplateParameters.Remove("first_name");
                break;
            case 3:
                r.TemplateParameters[Pick("nickname", Garbage(12), Spoil("first_name", 64))] = "Ave";
                break;
            default:
                // Hundreds to thousands of unknown names: the answer must still fit a trailer.
                foreach (var i in Enumerable.Range(0, _random.Next(33, 3000)))
                {
                    r.TemplateParameters[$"p{i}_{Garbage(6)}"] = Garbage(4);
                }

                break;
        }

        return "template_parameters";
    }

    /// <summary>A value made invalid for a field of at most <paramref name="maxLength"/> characters: a hostile character in it, or too long.</summary>
    private string Spoil(string value, int maxLength)
    {
        var hostile = Hostile[_random.Next(Hostile.Length)];
        return _random.Next(5) switch
        {
            0 => value + hostile,
            1 => hostile + value,
            2 => value.Insert(_random.Next(value.Length + 1), hostile),
            3 => value + new string('x', maxLength + 1 - Math.Min(value.Length, maxLength)),
            _ => value + hostile + hostile,
        };
    }

    private string Garbage(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => _random.Next(3) == 0 ? Hostile[_random.Next(Hostile.Length)] : Alphabet[_random.Next(Alphabet.Length)]));

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
