using Google.Protobuf.Reflection;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// The parser's file system: nothing. Imports come only from the registry's references (added as files) and the
/// well-known types protobuf-net.Reflection embeds, so a schema can never make the server read its own disk.
/// </summary>
internal sealed class NoProtoFiles : IFileSystem
{
    public static readonly NoProtoFiles Instance = new();

    public bool Exists(string path) => false;

    public TextReader OpenText(string path) => throw new FileNotFoundException("Imports are not read from disk.", path);
}
