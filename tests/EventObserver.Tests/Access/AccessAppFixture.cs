using System.Text;

using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Kafka.Admin;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Access;

/// <summary>
/// The real app with topic rules (group <see cref="ShopGroup"/> reads <c>shop\..*</c>), a masking rule on
/// <see cref="PaymentsTopic"/> (<see cref="FakeMasker"/>), a recording audit log, and an index holding a readable
/// conversation and the events of <see cref="DeniedTopic"/>, whose every identifying value carries a marker that
/// must never reach a user of the shop group.
/// </summary>
public sealed class AccessAppFixture : IDisposable
{
    public const string OrdersTopic = "shop.orders";
    public const string PaymentsTopic = "shop.payments";
    public const string DeniedTopic = "hr.salaries";
    public const string ShopGroup = "shop";

    public const string DeniedType = "SalaryRaisedSECRET";
    public const string DeniedKey = "emp-SECRET-KEY";
    public const string DeniedMessageId = "SECRET-MESSAGE-ID";
    public const string DeniedCorrelation = "SECRET-CORRELATION";
    public const string DeniedPayloadMarker = "SECRET-PAYLOAD-MARKER";
    public const string DeniedHeaderValue = "SECRET-HEADER-VALUE";

    /// <summary>A signed-in viewer in the shop group: reads shop topics, sees masked values.</summary>
    public static readonly string Viewer = TestSignIn.Value("vera", AccessRoles.Viewer, ShopGroup);

    /// <summary>A signed-in viewer in the shop group with Unmask: reads shop topics, sees raw values.</summary>
    public static readonly string Unmasker = TestSignIn.Value("uma", $"{AccessRoles.Viewer},{AccessRoles.Unmask}", ShopGroup);

    /// <summary>A signed-in operator in the shop group (may run projections): reads shop topics, sees masked values.</summary>
    public static readonly string Operator = TestSignIn.Value("otto", AccessRoles.Operator, ShopGroup);

    /// <summary>A signed-in operator in the shop group with Unmask: runs projections over shop topics with raw values.</summary>
    public static readonly string RawOperator = TestSignIn.Value("ulla", $"{AccessRoles.Operator},{AccessRoles.Unmask}", ShopGroup);

    /// <summary>A signed-in publisher in the shop group (may re-publish): reads shop topics, sees masked values.</summary>
    public static readonly string Publisher = TestSignIn.Value("pia", AccessRoles.Publisher, ShopGroup);

    /// <summary>An admin: every topic, raw values.</summary>
    public static readonly string Admin = TestSignIn.Value("ada", AccessRoles.Admin);

    public AccessAppFixture()
    {
        Factory = new SeededAppFactory(builder =>
        {
            builder.UseSetting("EventObserver:Auth:TopicAccess:0:Group", ShopGroup);
            builder.UseSetting("EventObserver:Auth:TopicAccess:0:Allow:0", @"shop\..*");
            builder.UseSetting("EventObserver:Replay:AllowPublish", "true");
            builder.UseSetting("EventObserver:Replay:AllowedTargets:0", ".*");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IStartupFilter, TestSignIn>();
                services.AddSingleton<IEventMasker>(Masker);
                services.AddSingleton<IAuditLog>(Audit);
            });
        });
        Factory.Cluster.Topics =
        [
            new ClusterTopic(OrdersTopic, 1, 2),
            new ClusterTopic(PaymentsTopic, 1, 2),
            new ClusterTopic(DeniedTopic, 1, 2),
        ];
        Factory.OpenIndex().Write([.. Readable(), .. Denied()], [new RetentionGap(DeniedTopic, 0, 100, 199, Envelopes.BaseTime)]);
    }

    public SeededAppFactory Factory { get; }

    public FakeMasker Masker { get; } = new(PaymentsTopic);

    public RecordingAuditLog Audit { get; } = new();

    /// <summary>Events of readable topics in the index.</summary>
    public static int ReadableCount => Readable().Length;

    /// <summary>Every marker of the denied topic's events; none may appear in a restricted user's response.</summary>
    public static IReadOnlyList<string> DeniedMarkers { get; } =
    [
        DeniedType, DeniedKey, DeniedMessageId, DeniedCorrelation, DeniedPayloadMarker, DeniedHeaderValue,
        Convert.ToBase64String(Encoding.UTF8.GetBytes(DeniedHeaderValue)),
        .. Denied().Select(e => Convert.ToBase64String(e.Payload!)),
    ];

    public HttpClient ClientFor(string? user)
    {
        var client = Factory.CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, user);
        }

        return client;
    }

    public void Dispose() => Factory.Dispose();

    public static EventEnvelope[] Readable() =>
    [
        Envelopes.Json(OrdersTopic, 0, "OrderPlaced", MessageKind.Event, """{"orderId":"o-1"}""", key: "o-1", correlationId: "conv-1"),
        Envelopes.Json(OrdersTopic, 1, "OrderPlaced", MessageKind.Event, """{"orderId":"o-2"}""", key: "o-2", correlationId: "conv-2"),
        Envelopes.Json(PaymentsTopic, 2, "PaymentCharged", MessageKind.Event, $$"""{"orderId":"o-1","card":"{{FakeMasker.RawValue}}"}""", key: "o-1", correlationId: "conv-1",
            headers: [new EnvelopeHeader("x-card", Encoding.UTF8.GetBytes(FakeMasker.RawValue))]),
    ];

    public static EventEnvelope[] Denied() => [.. Enumerable.Range(0, 3).Select(i => DeniedEvent(10 + i))];

    public static EventEnvelope DeniedEvent(long offset) => new()
    {
        Topic = DeniedTopic,
        Partition = 0,
        Offset = offset,
        TimestampMs = Envelopes.BaseTime.AddSeconds(offset).ToUnixTimeMilliseconds(),
        KeyBytes = Encoding.UTF8.GetBytes(DeniedKey),
        Key = DeniedKey,
        KeyFormat = KeyFormat.Text,
        Headers = [new EnvelopeHeader("x-secret", Encoding.UTF8.GetBytes(DeniedHeaderValue))],
        Payload = DeniedPayload(offset),
        PayloadFormat = PayloadFormat.Json,
        MessageId = $"{DeniedMessageId}-{offset}",
        MessageType = DeniedType,
        Kind = MessageKind.Event,
        CorrelationId = DeniedCorrelation,
        CausationId = $"{DeniedMessageId}-cause",
        Source = "hr-service",
    };

    private static byte[] DeniedPayload(long offset) =>
        Encoding.UTF8.GetBytes($$"""{"note":"{{DeniedPayloadMarker}}","n":{{offset}}}""");
}
