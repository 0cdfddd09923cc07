extern alias gpb;
using System.Buffers.Binary;
using gpb::Google.Protobuf;

namespace EventObserver.Tests.Decoding;

/// <summary>
/// The stock conversation as Protobuf: one .proto registered for every topic, its messages written with Google.Protobuf's
/// own encoder and framed the Confluent way. The ids live in a <c>metadata</c> message (snake_case, as .proto files
/// spell fields; the decoder's JSON names are camelCase). StockReserved is nested, so its index path has two entries.
/// </summary>
internal static class ShopProto
{
    public const string Schema = """
        syntax = "proto3";
        package shop.stock;

        import "google/protobuf/timestamp.proto";

        message ReserveStock {
          Metadata metadata = 1;
          string order_id = 2;
          string sku = 3;
          int32 quantity = 4;
        }

        message Stock {
          message StockReserved {
            Metadata metadata = 1;
            string order_id = 2;
            string reservation_id = 3;
          }
        }

        message ParcelDispatched {
          Metadata metadata = 1;
          string order_id = 2;
          string tracking_number = 3;
          google.protobuf.Timestamp dispatched_at = 4;
        }

        message Metadata {
          string event_id = 1;
          string correlation_id = 2;
          string causation_id = 3;
        }
        """;

    /// <summary>The index paths of the three messages: [0] (written as the single byte 0), [1, 0] and [2].</summary>
    public static readonly int[] ReserveStockPath = [0];
    public static readonly int[] StockReservedPath = [1, 0];
    public static readonly int[] ParcelDispatchedPath = [2];

    /// <summary>A message whose field 1 is the metadata and fields 2… the given strings, then any further fields.</summary>
    public static byte[] Message(string eventId, string correlationId, string? causationId, string[] strings, Action<CodedOutputStream>? more = null) =>
        Build(o =>
        {
            Nested(o, 1, Build(m =>
            {
                String(m, 1, eventId);
                String(m, 2, correlationId);
                if (causationId is not null)
                {
                    String(m, 3, causationId);
                }
            }));
            for (var i = 0; i < strings.Length; i++)
            {
                String(o, i + 2, strings[i]);
            }

            more?.Invoke(o);
        });

    public static void Int32(CodedOutputStream output, int number, int value)
    {
        output.WriteTag(number, WireFormat.WireType.Varint);
        output.WriteInt32(value);
    }

    public static void Timestamp(CodedOutputStream output, int number, DateTimeOffset time) =>
        Nested(output, number, Build(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt64(time.ToUnixTimeSeconds());
        }));

    /// <summary>Magic byte 0, the schema id big-endian, the zigzag message-index list ([0] shortened to one 0), the message.</summary>
    public static byte[] Frame(int schemaId, int[] path, byte[] message)
    {
        var indexes = path is [0] ? Build(o => o.WriteRawTag(0)) : Build(o =>
        {
            o.WriteSInt32(path.Length);
            foreach (var index in path)
            {
                o.WriteSInt32(index);
            }
        });
        var frame = new byte[5 + indexes.Length + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), schemaId);
        indexes.CopyTo(frame, 5);
        message.CopyTo(frame, 5 + indexes.Length);
        return frame;
    }

    private static byte[] Build(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    private static void String(CodedOutputStream output, int number, string value)
    {
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void Nested(CodedOutputStream output, int number, byte[] bytes)
    {
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(bytes));
    }
}
