using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Kafka.SchemaRegistry;

/// <summary>
/// Plain HTTP calls the Confluent client has no method for (<c>GET /schemas/ids/{id}/versions</c>), with the same URLs,
/// credentials and TLS settings. Answers null on any failure: what it finds is a nicety, never needed to decode.
/// </summary>
internal sealed class RegistryHttp : IDisposable
{
    private const string MediaType = "application/vnd.schemaregistry.v1+json";

    private readonly HttpClient _client;
    private readonly IReadOnlyList<Uri> _bases;

    public RegistryHttp(SchemaRegistryOptions options)
    {
        _bases = options.Urls.Select(u => new Uri((u.Contains("://", StringComparison.Ordinal) ? u : "http://" + u).TrimEnd('/') + "/")).ToList();
        _client = new HttpClient(CreateHandler(options)) { Timeout = TimeSpan.FromMilliseconds(options.TimeoutMs) };
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        _client.DefaultRequestHeaders.Authorization = AuthorizationOf(options);
    }

    /// <summary>Every subject and version the registry names for a schema id, in its order; empty when it names none.</summary>
    public async Task<IReadOnlyList<SchemaPlace>> FindPlacesAsync(int id, CancellationToken cancellationToken)
    {
        foreach (var baseUri in _bases)
        {
            try
            {
                using var response = await _client.GetAsync(new Uri(baseUri, $"schemas/ids/{id}/versions"), cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                var places = new List<SchemaPlace>();
                foreach (var entry in json.RootElement.EnumerateArray())
                {
                    if (entry.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String
                        && entry.TryGetProperty("version", out var version) && version.TryGetInt32(out var number))
                    {
                        places.Add(new SchemaPlace(subject.GetString()!, number));
                    }
                }

                return places;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException)
            {
                // Older registries (and some compatible ones) lack this endpoint; try the next URL, then do without.
            }
        }

        return [];
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The Authorization header the options ask for (basic wins over nothing; validation refuses both at once).</summary>
    internal static AuthenticationHeaderValue? AuthorizationOf(SchemaRegistryOptions options)
    {
        if (!string.IsNullOrEmpty(options.BasicAuthUserInfo))
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.BasicAuthUserInfo)));
        }

        return string.IsNullOrEmpty(options.BearerToken) ? null : new AuthenticationHeaderValue("Bearer", options.BearerToken);
    }

    private static SocketsHttpHandler CreateHandler(SchemaRegistryOptions options)
    {
        var handler = new SocketsHttpHandler();
        if (!options.EnableSslCertificateVerification)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (!string.IsNullOrWhiteSpace(options.SslCaLocation))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(options.SslCaLocation);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && ChainsTo(certificate, authorities));
        }

        if (!string.IsNullOrWhiteSpace(options.SslKeystoreLocation))
        {
            handler.SslOptions.ClientCertificates =
            [
                X509CertificateLoader.LoadPkcs12FromFile(options.SslKeystoreLocation, options.SslKeystorePassword),
            ];
        }

        return handler;
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
