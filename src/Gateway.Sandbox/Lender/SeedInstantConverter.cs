using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Gateway.Sandbox.Lender;

/// <summary>
/// Reads a seed instant as an ISO 8601 instant ("2026-11-20T15:04:00Z") or as an ISO 8601 duration
/// from the sandbox's start ("-P1D": a day before it). The shipped seed uses durations, so its
/// stories ("repaid yesterday", "texted us last week") stay true whatever day the demo runs, and
/// the 60-day stale-number rule never quietly starts suppressing the debtor meant to be reached.
/// </summary>
internal sealed class SeedInstantConverter(DateTimeOffset start) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString() ?? throw new JsonException("expected an ISO 8601 instant or duration"), start);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>An instant, or <paramref name="start"/> moved by a duration.</summary>
    public static DateTimeOffset Parse(string text, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                return start + XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException ex)
            {
                throw new JsonException($"'{text}' is not an ISO 8601 duration", ex);
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : throw new JsonException($"'{text}' is neither an ISO 8601 instant nor a duration");
    }
}
