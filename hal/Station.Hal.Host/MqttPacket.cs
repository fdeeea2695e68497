using System;
using System.Text;

namespace Station.Hal.Host
{
    /// <summary>Encoders for the MQTT 3.1.1 control packets a client sends (OASIS MQTT 3.1.1, section 3).</summary>
    public static class MqttPacket
    {
        /// <summary>Packet type numbers (upper nibble of the first byte).</summary>
        public const byte Connect = 1, ConnAck = 2, Publish = 3, PubAck = 4, PubRec = 5, PubRel = 6, PubComp = 7,
            Subscribe = 8, SubAck = 9, Unsubscribe = 10, UnsubAck = 11, PingReq = 12, PingResp = 13, Disconnect = 14;

        /// <summary>Largest remaining length MQTT can express (four length bytes).</summary>
        public const int MaxRemainingLength = 268_435_455;

        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);

        /// <summary>CONNECT with protocol level 4, optional will, user name and password.</summary>
        public static byte[] EncodeConnect(MqttClientOptions o, string willTopic, byte[] will, int willQos, bool willRetain)
        {
            var body = new ByteBuilder();
            body.Str("MQTT");
            body.Byte(4);
            byte flags = 0;
            if (o.CleanSession) flags |= 0x02;
            if (willTopic != null) { flags |= 0x04; flags |= (byte)((willQos & 3) << 3); if (willRetain) flags |= 0x20; }
            if (o.Username != null) { flags |= 0x80; if (o.Password != null) flags |= 0x40; }
            body.Byte(flags);
            body.U16(o.KeepAliveSeconds);
            body.Str(o.ClientId ?? "");
            if (willTopic != null) { body.Str(willTopic); body.Bin(will ?? Array.Empty<byte>(), 0, will?.Length ?? 0); }
            if (o.Username != null) { body.Str(o.Username); if (o.Password != null) body.Str(o.Password); }
            return Frame(Connect << 4, body);
        }

        /// <summary>PUBLISH. The packet id is written only for QoS 1; <see cref="SetDup"/> marks a resend.</summary>
        public static byte[] EncodePublish(string topic, byte[] payload, int offset, int count, int qos, bool retain, ushort packetId)
        {
            ValidateTopicName(topic);
            var body = new ByteBuilder(topic.Length + count + 8);
            body.Str(topic);
            if (qos > 0) body.U16(packetId);
            body.Raw(payload, offset, count);
            int first = (Publish << 4) | ((qos & 3) << 1) | (retain ? 1 : 0);
            return Frame(first, body);
        }

        /// <summary>Sets the DUP flag of an encoded PUBLISH (for a resend after reconnect).</summary>
        public static void SetDup(byte[] publish) { publish[0] |= 0x08; }

        /// <summary>SUBSCRIBE for one topic filter.</summary>
        public static byte[] EncodeSubscribe(ushort packetId, string filter, int qos)
        {
            var body = new ByteBuilder();
            body.U16(packetId);
            body.Str(filter);
            body.Byte((byte)qos);
            return Frame((Subscribe << 4) | 0x02, body);
        }

        /// <summary>PUBACK for a received QoS 1 PUBLISH.</summary>
        public static byte[] EncodePubAck(ushort packetId) => new byte[] { PubAck << 4, 2, (byte)(packetId >> 8), (byte)packetId };

        /// <summary>PINGREQ.</summary>
        public static byte[] EncodePingReq() => new byte[] { PingReq << 4, 0 };

        /// <summary>DISCONNECT (the broker then discards the will).</summary>
        public static byte[] EncodeDisconnect() => new byte[] { Disconnect << 4, 0 };

        /// <summary>Throws when <paramref name="topic"/> cannot be a PUBLISH topic name (empty, wildcard, NUL, too long).</summary>
        public static void ValidateTopicName(string topic)
        {
            if (string.IsNullOrEmpty(topic)) throw new ArgumentException("empty topic");
            if (topic.IndexOfAny(new[] { '+', '#', '\0' }) >= 0) throw new ArgumentException("topic name may not contain + # or NUL: " + topic);
            if (Utf8.GetByteCount(topic) > 65535) throw new ArgumentException("topic longer than 65535 bytes");
        }

        static byte[] Frame(int first, ByteBuilder body)
        {
            int len = body.Length;
            if (len > MaxRemainingLength) throw new ArgumentException("packet too large for MQTT");
            var header = new byte[5];
            int h = 0;
            header[h++] = (byte)first;
            do
            {
                byte d = (byte)(len % 128);
                len /= 128;
                if (len > 0) d |= 0x80;
                header[h++] = d;
            } while (len > 0);
            var packet = new byte[h + body.Length];
            Buffer.BlockCopy(header, 0, packet, 0, h);
            Buffer.BlockCopy(body.Buffer, 0, packet, h, body.Length);
            return packet;
        }

        sealed class ByteBuilder
        {
            public byte[] Buffer;
            public int Length;
            public ByteBuilder(int capacity = 64) { Buffer = new byte[Math.Max(capacity, 16)]; }
            void Ensure(int more)
            {
                if (Length + more <= Buffer.Length) return;
                Array.Resize(ref Buffer, Math.Max(Buffer.Length * 2, Length + more));
            }
            public void Byte(byte b) { Ensure(1); Buffer[Length++] = b; }
            public void U16(int v) { Ensure(2); Buffer[Length++] = (byte)(v >> 8); Buffer[Length++] = (byte)v; }
            public void Raw(byte[] b, int o, int n) { Ensure(n); System.Buffer.BlockCopy(b, o, Buffer, Length, n); Length += n; }
            public void Bin(byte[] b, int o, int n) { if (n > 65535) throw new ArgumentException("field longer than 65535 bytes"); U16(n); Raw(b, o, n); }
            public void Str(string s) { byte[] b = Utf8.GetBytes(s); Bin(b, 0, b.Length); }
        }
    }
}
