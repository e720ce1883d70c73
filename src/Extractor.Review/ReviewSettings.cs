using System.Net;
using Extractor.Store;

namespace Extractor.Review;

/// <summary>
/// What `extractor review` serves and where: the data folder's store, the address and port, the token that guards a
/// bind beyond loopback, and the confidence under which a value is shown as unsure.
/// </summary>
public sealed record ReviewSettings(DataFolder Data, string Host, int Port, string? Token, double LowConfidenceThreshold)
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 5080;

    /// <summary>The address to bind: an IP address, or "localhost" for loopback.</summary>
    public IPAddress Address() =>
        Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Host, out var address) ? address
        : throw new ReviewSettingsException($"--host takes an IP address or localhost, not \"{Host}\"");

    /// <summary>Refuses settings that would expose the store: a bind beyond loopback without a token, a port out of range.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ReviewSettingsException($"--port must be from 0 to 65535, not {Port}");
        if (!IPAddress.IsLoopback(Address()) && string.IsNullOrEmpty(Token))
            throw new ReviewSettingsException($"--host {Host} is reachable from other machines: give --token TOKEN, which every request must then carry (Authorization: Bearer TOKEN)");
        if (Token is { Length: > 0 and < 16 })
            throw new ReviewSettingsException("--token must be at least 16 characters");
        if (!Directory.Exists(Data.Outbox)) throw new ReviewSettingsException($"no store at {Data.Outbox} (import or watch first)");
    }
}

/// <summary>Settings the review server refuses to start with; the message says what to change.</summary>
public sealed class ReviewSettingsException(string message) : Exception(message);
