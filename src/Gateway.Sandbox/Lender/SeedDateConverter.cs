using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Sandbox.Lender;

/// <summary>
/// Reads a seed date as "yyyy-MM-dd" or as a duration from the sandbox's start ("-P22D"), taken
/// as the UTC date of that instant; see <see cref="SeedInstantConverter"/> for why.
/// </summary>
internal sealed class SeedDateConverter(DateTimeOffset start) : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("expected a date or an ISO 8601 duration");
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateOnly.FromDateTime(SeedInstantConverter.Parse(text, start).UtcDateTime);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
