namespace EventObserver.Tests.Conversations;

/// <summary>The same app with <c>EventObserver:Monitoring:Enabled=false</c>.</summary>
public sealed class ConversationsOffApiFixture() : ConversationsApiFixture(enabled: false);
