using Gateway.Requests;
using Gateway.V1;
using Google.Rpc;

namespace Gateway.Tests.Requests;

/// <summary>Stated preferences of absurd size are refused with one violation each, without examining every entry.</summary>
public sealed class ContactPreferencesBoundsTests
{
    [Fact]
    public void Validate_AWindowOfTenThousandDays_IsOneViolation()
    {
        var window = new StatedWindow { From = "09:00", To = "17:00" };
        window.Days.AddRange(Enumerable.Repeat("Bogusday", 10_000));
        var preferences = new ContactPreferences { Windows = { window } };
        var violations = new List<BadRequest.Types.FieldViolation>();

        Assert.Null(ContactPreferencesValidator.Validate(preferences, "preferences", violations));

        Assert.Equal(["preferences.windows[0].days"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Validate_TooManyWindowsOrChannels_IsOneViolationEach()
    {
        var preferences = new ContactPreferences();
        preferences.Windows.AddRange(Enumerable.Range(0, 1000).Select(_ => new StatedWindow()));
        var violations = new List<BadRequest.Types.FieldViolation>();
        Assert.Null(ContactPreferencesValidator.Validate(preferences, "preferences", violations));
        Assert.Equal(["preferences.windows"], violations.Select(v => v.Field));

        var channels = new ContactPreferences();
        channels.Channels.AddRange(Enumerable.Repeat(Channel.Sms, 1000));
        violations.Clear();
        Assert.Null(ContactPreferencesValidator.Validate(channels, "preferences", violations));
        Assert.Equal(["preferences.channels"], violations.Select(v => v.Field));
    }
}
