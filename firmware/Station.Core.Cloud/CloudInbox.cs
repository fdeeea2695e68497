using System.Collections;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>What the MQTT adapter reports, held for the link's tick: connection changes (counted), delivery tokens (a
    /// ring) and received commands (a bounded queue). Apart from the link because it is the one part touched from the
    /// adapter's threads: its callbacks only queue under one lock, and the tick takes everything out under the same lock,
    /// so no decision is ever made off the control thread.</summary>
    internal sealed class CloudInbox
    {
        const int TokenRing = 256;

        readonly CloudUpdateBridge _update;
        readonly object _gate = new object();
        readonly int[] _tokens = new int[TokenRing];
        readonly ArrayList _inTopics = new ArrayList();
        readonly ArrayList _inPayloads = new ArrayList();
        int _tokenHead, _tokenCount;
        int _pendingUp, _pendingDown;
        int _droppedMessages;

        /// <summary>The connection ups and downs the last <see cref="Take"/> took out (both may be non-zero: a drop already
        /// followed by a reconnect). Fields: the link's tick reads them, and a property read is a call on the interpreter.</summary>
        internal int TakenUp, TakenDown;

        /// <summary>An inbox that hands update chunks to <paramref name="update"/> (it keeps its own one-chunk slot).</summary>
        public CloudInbox(CloudUpdateBridge update) { _update = update; }

        /// <summary>Received messages dropped because too many were waiting (a flood).</summary>
        public int DroppedMessages { get { return _droppedMessages; } }

        /// <summary>Starts taking the adapter's callbacks.</summary>
        public void Attach(IMqttLink link)
        {
            link.MessageReceived += OnMessage;
            link.Delivered += OnDelivered;
            link.ConnectionChanged += OnConnectionChanged;
        }

        /// <summary>Stops taking the adapter's callbacks.</summary>
        public void Detach(IMqttLink link)
        {
            link.MessageReceived -= OnMessage;
            link.Delivered -= OnDelivered;
            link.ConnectionChanged -= OnConnectionChanged;
        }

        /// <summary>Tick: takes out the connection changes counted so far (<see cref="TakenUp"/>, <see cref="TakenDown"/>),
        /// then hands every delivery token received so far to <paramref name="outbox"/>.</summary>
        public void Take(Outbox outbox)
        {
            lock (_gate) { TakenUp = _pendingUp; TakenDown = _pendingDown; _pendingUp = 0; _pendingDown = 0; }
            while (true)
            {
                int token;
                lock (_gate)
                {
                    if (_tokenCount == 0) break;
                    token = _tokens[_tokenHead];
                    _tokenHead = (_tokenHead + 1) % TokenRing;
                    _tokenCount--;
                }
                outbox.Acknowledge(token);
            }
        }

        /// <summary>Tick: the oldest waiting message, or false when none waits.</summary>
        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            lock (_gate)
            {
                if (_inTopics.Count == 0)
                {
                    topic = null;
                    payload = null;
                    return false;
                }
                topic = (string)_inTopics[0];
                payload = (byte[])_inPayloads[0];
                _inTopics.RemoveAt(0);
                _inPayloads.RemoveAt(0);
            }
            return true;
        }

        // ---- adapter callbacks (any thread): queue only ----

        /// <summary>Counts a connection change for the next tick.</summary>
        public void OnConnectionChanged(bool connected)
        {
            lock (_gate) { if (connected) _pendingUp++; else _pendingDown++; }
        }

        void OnDelivered(int token)
        {
            lock (_gate)
            {
                if (_tokenCount == TokenRing) return; // the ring is full: this confirmation is dropped
                _tokens[(_tokenHead + _tokenCount) % TokenRing] = token;
                _tokenCount++;
            }
        }

        void OnMessage(string topic, byte[] payload)
        {
            if (_update.OnChunk(topic, payload)) return;
            lock (_gate)
            {
                if (_inTopics.Count >= CloudLink.MaxQueuedMessages) { _droppedMessages++; return; }
                _inTopics.Add(topic);
                _inPayloads.Add(payload);
            }
        }
    }
}
