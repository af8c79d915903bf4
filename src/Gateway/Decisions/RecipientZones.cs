using Gateway.Rules;
using PhoneNumbers;

namespace Gateway.Decisions;

/// <summary>
/// The time zones a recipient may be in: the request's zone when given; else every zone the phone
/// number may belong to (libphonenumber's mapping; a US number can span several); else the
/// jurisdiction's fallback zones. Computed once per decision (<see cref="DecisionContext.RecipientZones"/>):
/// the quiet-hours guard, the stated-preferences rule and the store's reservation all read the same list.
/// </summary>
internal static class RecipientZones
{
    private static readonly PhoneNumberToTimeZonesMapper Mapper = PhoneNumberToTimeZonesMapper.GetInstance();

    public static IReadOnlyList<TimeZoneInfo> For(ReminderRequest request, JurisdictionRules jurisdiction)
    {
        if (request.RecipientTimeZone is { } zone)
        {
            return [zone];
        }

        if (request.Contact.Phone is { } phone)
        {
            var zones = new List<TimeZoneInfo>();
            foreach (var id in Mapper.GetTimeZonesForNumber(phone))
            {
                if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
                {
                    zones.Add(found);
                }
            }

            if (zones.Count > 0)
            {
                return zones;
            }
        }

        return jurisdiction.FallbackTimeZones;
    }
}
