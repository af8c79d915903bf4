using Microsoft.Extensions.Options;

namespace Gateway.Store;

/// <summary>Checks <see cref="ContactHashOptions"/> at start-up, naming the key to fix.</summary>
internal sealed class ContactHashOptionsValidator : IValidateOptions<ContactHashOptions>
{
    private const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ContactHashOptions options) =>
        options.ContactHashKey.Length < MinimumKeyLength
            ? ValidateOptionsResult.Fail("Gateway:ContactHashKey must be a secret of at least 32 characters (it keys the hash that stands for contact points).")
            : ValidateOptionsResult.Success;
}
