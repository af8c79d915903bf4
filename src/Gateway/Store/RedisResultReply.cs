using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>A script's reply of the form { status, value }: the value read as text or bytes.</summary>
internal readonly record struct RedisResultReply(string Status, string? Text, byte[] Bytes)
{
    public static RedisResultReply From(RedisResult result)
    {
        var parts = (RedisResult[])result!;
        return new RedisResultReply((string)parts[0]!, parts.Length > 1 ? (string?)parts[1] : null, parts.Length > 1 ? (byte[]?)parts[1] ?? [] : []);
    }
}
