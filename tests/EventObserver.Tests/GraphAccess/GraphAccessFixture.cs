using System.Text;

using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport.Access;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.GraphAccess;

/// <summary>
/// One app whose index holds a conversation that crosses topics a restricted user may read and one they may not
/// (<see cref="Denied"/>), sent two minutes ago so the flow map and the conventions windows hold it. Everything only the
/// denied topic holds (its name, types, keys, ids, source, subject, a payload and a header value, an unknown cause only
/// it names, a dead letter's missing original there, a conversation held only there) contains "vault" or "Ledger", and
/// nothing else does, so a response can be searched for both. A request with <see cref="HeaderCurrentUser.Header"/>
/// <c>restricted</c> is <see cref="Restricted"/>; one without is <see cref="UserAccess.System"/>. Masking (a
/// <see cref="KeyMasker"/>) applies to <see cref="Masked"/>.
/// </summary>
public sealed class GraphAccessFixture : IDisposable
{
    public const string Commands = "ga.orders.commands";
    public const string Events = "ga.orders.events";
    public const string DeadLetters = "ga.orders.dlt";
    public const string Denied = "ga.vault.ledger";
    public const string Masked = Events;
    public const string Conversation = "ga-conv-1";
    public const string DeniedOnlyConversation = "ga-vault-conv-only";
    public const string DeniedMessageId = "ga-vault-msg-1";
    public const string PayloadMarker = "VAULT-PAYLOAD-MARKER";

    /// <summary>What a response must not contain for the restricted user: each denied-only value holds one of these.</summary>
    public static readonly string[] DeniedMarkers = ["vault", "Ledger"];

    public static readonly UserAccess Restricted = new(
        "restricted", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics(Denied), seesRawValues: false);

    public GraphAccessFixture()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-2);
        Factory = new SeededAppFactory(builder => builder.ConfigureTestServices(services =>
        {
            services.AddScoped<ICurrentUser>(sp => new HeaderCurrentUser(
                sp.GetRequiredService<IHttpContextAccessor>(), new Dictionary<string, UserAccess> { ["restricted"] = Restricted }));
            services.AddSingleton<IEventMasker>(new KeyMasker(Masked));
        }));
        Factory.Seed(
            Message(Commands, 0, at, "ga-place-1", "PlaceOrder", MessageKind.Command, "/shop/storefront", null),
            Message(Denied, 0, at.AddMilliseconds(20), DeniedMessageId, "LedgerEntryBooked", MessageKind.Event, "/shop/vault-service", "ga-place-1"),
            Message(Events, 0, at.AddMilliseconds(50), "ga-confirmed-1", "OrderConfirmed", MessageKind.Event, "/shop/orders", DeniedMessageId),
            Message(Events, 1, at.AddMilliseconds(60), "ga-invoiced-1", "InvoiceRequested", MessageKind.Event, "/shop/orders", DeniedMessageId),
            Message(Commands, 1, at.AddMilliseconds(80), "ga-ship-1", "ShipOrder", MessageKind.Command, "/shop/orders", "ga-confirmed-1"),
            Message(Denied, 1, at.AddMilliseconds(90), "ga-vault-msg-2", "LedgerAudited", MessageKind.Event, "/shop/vault-service", "ga-vault-ghost-9"),
            Message(DeadLetters, 0, at.AddMilliseconds(95), "ga-retry-1", "RetryPayment", MessageKind.Command, "/shop/payments", null,
                new DeadLetterOrigin(Denied, 0, 99, "cannot deserialize")),
            Message(Denied, 2, at.AddMilliseconds(120), "ga-vault-msg-3", "LedgerClosed", MessageKind.Event, "/shop/vault-service", null,
                correlationId: DeniedOnlyConversation));
        Client = Factory.CreateClient();
    }

    /// <summary>Messages on topics the restricted user may read.</summary>
    public const int Permitted = 5;

    public SeededAppFactory Factory { get; }

    public HttpClient Client { get; }

    public async Task<string> GetAsync(string path, bool restricted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (restricted)
        {
            request.Headers.Add(HeaderCurrentUser.Header, "restricted");
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    private static EventEnvelope Message(
        string topic, long offset, DateTimeOffset at, string id, string type, MessageKind kind, string source, string? causationId,
        DeadLetterOrigin? deadLetterOf = null, string correlationId = Conversation)
    {
        var secret = topic == Denied;
        var key = secret ? id.Replace("msg", "key", StringComparison.Ordinal) : "k-" + id;
        return new EventEnvelope
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            TimestampKind = TimestampKind.CreateTime,
            Key = key,
            KeyBytes = Encoding.UTF8.GetBytes(key),
            KeyFormat = KeyFormat.Text,
            Headers = secret ? [new EnvelopeHeader("x-vault-note", Encoding.UTF8.GetBytes("VAULT-HEADER-MARKER"))] : [],
            Payload = Encoding.UTF8.GetBytes(secret ? $$"""{"iban":"{{PayloadMarker}}"}""" : """{"ok":true}"""),
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            CausationId = causationId,
            Source = source,
            Subject = secret ? "vault-subject-" + offset : null,
            DeadLetterOf = deadLetterOf,
        };
    }
}
