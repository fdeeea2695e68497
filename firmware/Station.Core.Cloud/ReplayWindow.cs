namespace Station.Core.Cloud
{
    /// <summary>The message ids of the last <see cref="Size"/> commands processed, so a command delivered twice
    /// (QoS 1 redelivery, a replayed capture) is not applied twice.</summary>
    public sealed class ReplayWindow
    {
        /// <summary>How many ids are remembered.</summary>
        public const int Size = 64;

        readonly string[] _ids = new string[Size];
        int _next;

        /// <summary>True when <paramref name="mid"/> is among the remembered ids.</summary>
        public bool Contains(string mid)
        {
            for (int i = 0; i < Size; i++) if (_ids[i] != null && _ids[i] == mid) return true;
            return false;
        }

        /// <summary>Remembers <paramref name="mid"/>, forgetting the oldest when full.</summary>
        public void Add(string mid)
        {
            _ids[_next] = mid;
            _next = (_next + 1) % Size;
        }
    }
}
