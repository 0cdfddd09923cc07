namespace EventObserver.Core.Conversations;

/// <summary>Small sets of interned names kept as arrays (a conversation touches a handful of topics).</summary>
internal static class TopicList
{
    public static string[] Add(string[] names, string name)
    {
        foreach (var existing in names)
        {
            if (ReferenceEquals(existing, name) || existing == name)
            {
                return names;
            }
        }

        var grown = new string[names.Length + 1];
        names.CopyTo(grown, 0);
        grown[^1] = name;
        return grown;
    }
}
