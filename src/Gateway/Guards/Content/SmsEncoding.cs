namespace Gateway.Guards.Content;

/// <summary>The alphabet an SMS travels in: GSM 7-bit when every character has a GSM code, else UCS-2.</summary>
internal enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
