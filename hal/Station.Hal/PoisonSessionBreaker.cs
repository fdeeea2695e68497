namespace Station.Hal
{
    /// <summary>Decides when an MQTT adapter connects once with a clean session, to end the reconnect loop a message
    /// the device's client cannot take causes on a persistent session: M2Mqtt allocates each packet whole, so a QoS 1
    /// command of hundreds of KiB exhausts an ESP32's heap while it is read, the connection drops, and the broker sends
    /// the same message again after every reconnect. After <see cref="Limit"/> sessions in a row that ended within
    /// <see cref="ShortMs"/> of their start without delivering a message, the next connect asks for a clean session:
    /// the broker discards the session's queue, that message with it (and any command queued behind it, which then
    /// gets no reply and expires at the sender). Any session that delivers a message or lasts longer starts the count
    /// again. Not thread-safe: the adapter calls it under its own lock.</summary>
    public sealed class PoisonSessionBreaker
    {
        /// <summary>Short sessions in a row that make the next connect clean.</summary>
        public const int Limit = 3;
        /// <summary>A session that ends sooner than this after its start, without a message delivered, counts as short.</summary>
        public const long ShortMs = 10000;

        int _shortInARow;
        long _upAtMs;
        bool _up;
        bool _delivered;

        /// <summary>True when the next connect should ask for a clean session.</summary>
        public bool NextConnectClean { get { return _shortInARow >= Limit; } }

        /// <summary>Short sessions in a row so far.</summary>
        public int ShortSessions { get { return _shortInARow; } }

        /// <summary>A session started at <paramref name="nowMs"/> (monotonic ms); <paramref name="clean"/> when it was
        /// asked for a clean session (the count starts again: the broker discarded the queue).</summary>
        public void SessionUp(long nowMs, bool clean)
        {
            _up = true;
            _upAtMs = nowMs;
            _delivered = false;
            if (clean) _shortInARow = 0;
        }

        /// <summary>A message of this session reached the station.</summary>
        public void MessageDelivered()
        {
            _delivered = true;
        }

        /// <summary>The session ended at <paramref name="nowMs"/>.</summary>
        public void SessionDown(long nowMs)
        {
            if (!_up) return;
            _up = false;
            if (!_delivered && nowMs - _upAtMs < ShortMs) _shortInARow++;
            else _shortInARow = 0;
        }
    }
}
