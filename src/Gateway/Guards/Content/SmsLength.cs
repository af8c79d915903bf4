namespace Gateway.Guards.Content;

/// <summary>The length of an SMS: its alphabet, its length in that alphabet's units (septets or UTF-16 units) and its segments.</summary>
internal readonly record struct SmsLength(SmsEncoding Encoding, int Units, int Segments);
