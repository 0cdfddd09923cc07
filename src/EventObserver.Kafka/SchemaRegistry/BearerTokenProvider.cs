using System.Net.Http.Headers;
using Confluent.SchemaRegistry;

namespace EventObserver.Kafka.SchemaRegistry;

/// <summary>
/// A fixed bearer token for the Confluent client. Its own static-token source also wants Confluent Cloud's logical
/// cluster and identity pool, which other registries (Apicurio, Karapace, self-hosted) do not have.
/// </summary>
internal sealed class BearerTokenProvider(string token) : IAuthenticationHeaderValueProvider
{
    public AuthenticationHeaderValue GetAuthenticationHeader() => new("Bearer", token);
}
