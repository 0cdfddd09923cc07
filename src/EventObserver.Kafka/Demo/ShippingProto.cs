using System.Globalization;

namespace EventObserver.Kafka.Demo;

/// <summary>The shipping service's Protobuf schema (registered as PROTOBUF) and its OrderShipped message.</summary>
internal static class ShippingProto
{
    public const string Schema = """
        syntax = "proto3";
        package eventobserver.demo.shipping;

        import "google/protobuf/timestamp.proto";

        enum Carrier {
          CARRIER_UNSPECIFIED = 0;
          DHL = 1;
          UPS = 2;
          DPD = 3;
          POSTNL = 4;
        }

        message Address {
          string street = 1;
          string city = 2;
          string postal_code = 3;
          string country = 4;
        }

        message OrderShipped {
          message Parcel {
            int32 number = 1;
            string tracking_number = 2;
          }

          string order_id = 1;
          string shipment_id = 2;
          Carrier carrier = 3;
          string tracking_number = 4;
          google.protobuf.Timestamp shipped_at = 5;
          repeated Parcel parcels = 6;
        }
        """;

    /// <summary>OrderShipped is the file's second message: its index path is [1], not the one-byte [0].</summary>
    public static readonly IReadOnlyList<int> OrderShippedIndexes = [1];

    public static byte[] OrderShipped(OrderShippedData data)
    {
        var writer = new ProtoWriter()
            .String(1, data.OrderId)
            .String(2, data.ShipmentId)
            .Int32(3, CarrierNumber(data.Carrier))
            .String(4, data.TrackingNumber)
            .Message(5, t => t.Int64(1, data.ShippedAt.ToUnixTimeSeconds()).Int32(2, data.ShippedAt.Millisecond * 1_000_000));
        for (var parcel = 1; parcel <= data.Parcels; parcel++)
        {
            var number = parcel;
            writer.Message(6, p => p.Int32(1, number).String(2, $"{data.TrackingNumber}-{number.ToString(CultureInfo.InvariantCulture)}"));
        }

        return writer.ToArray();
    }

    private static int CarrierNumber(string carrier) => carrier switch
    {
        "DHL" => 1,
        "UPS" => 2,
        "DPD" => 3,
        "PostNL" => 4,
        _ => 0,
    };
}
