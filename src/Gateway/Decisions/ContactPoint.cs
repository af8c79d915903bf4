using Gateway.V1;
using PhoneNumbers;

namespace Gateway.Decisions;

/// <summary>
/// A validated, normalised contact point. <see cref="ToString"/> masks it, so that formatting one
/// into a log line or exception message cannot leak it.
/// </summary>
internal sealed record ContactPoint(Lending.V1.ContactKind Kind, string Value, PhoneNumber? Phone)
{
    public static Lending.V1.ContactKind KindOf(Channel channel) => channel switch
    {
        Channel.Sms or Channel.Voice => Lending.V1.ContactKind.Phone,
        Channel.Email => Lending.V1.ContactKind.Email,
        Channel.Push => Lending.V1.ContactKind.PushToken,
        _ => Lending.V1.ContactKind.Unspecified,
    };

    public string Masked => Kind switch
    {
        Lending.V1.ContactKind.Phone => Value.Length > 4 ? new string('*', Value.Length - 4) + Value[^4..] : "****",
        Lending.V1.ContactKind.Email => Value.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? Value[0] + "***" + Value[at..] : "***",
        _ => Value.Length > 6 ? Value[..3] + "…" + Value[^3..] : "***",
    };

    public override string ToString() => Masked;
}
