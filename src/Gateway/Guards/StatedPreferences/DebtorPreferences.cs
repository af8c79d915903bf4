using System.Collections.Immutable;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Guards.StatedPreferences;

/// <summary>
/// What a debtor said about how and when to be contacted: the channels they want (empty: any) and
/// weekly windows in their local time (empty: any time). Validated before it is stored.
/// </summary>
internal sealed record DebtorPreferences(ImmutableArray<Channel> Channels, ImmutableArray<ContactWindow> Windows);
