namespace Station.Core.Update
{
    /// <summary>Ed25519 signature verification (RFC 8032 section 5.1.7), cut into slices of bounded work so the
    /// station's loop can run it between ticks: <see cref="Begin"/>, then <see cref="Step"/> until it is decided.</summary>
    /// <remarks>
    /// It checks [S]B = R + [k]A as [k](-A) + [S]B encoded and compared with R, where k = SHA-512(R || A || M) mod L.
    /// Two 256-bit ladders dominate the cost; a step does at most <c>bits</c> ladder bits, or one of the fixed stages
    /// (decoding A, hashing the message, the final addition and encoding), each of which costs about 30 ladder bits.
    /// All state lives in this object, allocated once.
    /// </remarks>
    public sealed class Ed25519Verifier
    {
        /// <summary>Public key length in bytes.</summary>
        public const int PublicKeyLength = 32;

        /// <summary>Signature length in bytes (R then S).</summary>
        public const int SignatureLength = 64;

        const int StageDecode = 0, StageHash = 1, StageLadderK = 2, StageLadderS = 3, StageFinish = 4;

        readonly Ed25519Curve _curve = new Ed25519Curve();
        readonly Sha512 _sha = new Sha512();
        readonly long[][] _sumK = Ed25519Curve.NewPoint(), _negA = Ed25519Curve.NewPoint();
        readonly long[][] _sumS = Ed25519Curve.NewPoint(), _base = Ed25519Curve.NewPoint();
        readonly byte[] _key = new byte[PublicKeyLength];
        readonly byte[] _signature = new byte[SignatureLength];
        readonly byte[] _k = new byte[Sha512.Length];
        readonly byte[] _encoded = new byte[32];
        readonly long[] _reduceScratch = new long[64];
        byte[] _message;
        int _messageOffset, _messageCount;
        int _stage, _bit;
        SignatureCheck _state;

        /// <summary>Where the current check stands.</summary>
        public SignatureCheck State { get { return _state; } }

        /// <summary>Starts checking <paramref name="signature"/> over the message bytes with the public key. The key
        /// and signature are copied; the message array is read during <see cref="Step"/> and must stay unchanged.</summary>
        public void Begin(byte[] publicKey, byte[] signature, byte[] message, int offset, int count)
        {
            _message = message;
            _messageOffset = offset;
            _messageCount = count;
            _stage = StageDecode;
            _bit = 255;
            if (publicKey == null || publicKey.Length != PublicKeyLength || signature == null || signature.Length != SignatureLength
                || message == null || offset < 0 || count < 0 || offset + count > message.Length)
            {
                _state = SignatureCheck.Invalid;
                return;
            }
            for (int i = 0; i < PublicKeyLength; i++) _key[i] = publicKey[i];
            for (int i = 0; i < SignatureLength; i++) _signature[i] = signature[i];
            _state = Ed25519Scalar.IsBelowOrder(_signature, 32) ? SignatureCheck.Working : SignatureCheck.Invalid;
        }

        /// <summary>Does at most <paramref name="bits"/> ladder bits (or one fixed stage) and returns the state.</summary>
        public SignatureCheck Step(int bits)
        {
            if (_state != SignatureCheck.Working) return _state;
            if (bits < 1) bits = 1;
            switch (_stage)
            {
                case StageDecode:
                    if (!_curve.DecodeNegated(_negA, _key, 0)) _state = SignatureCheck.Invalid;
                    _stage = StageHash;
                    break;
                case StageHash:
                    _sha.Reset();
                    _sha.Update(_signature, 0, 32);
                    _sha.Update(_key, 0, PublicKeyLength);
                    _sha.Update(_message, _messageOffset, _messageCount);
                    _sha.Final(_k, 0);
                    Ed25519Scalar.Reduce(_k, _reduceScratch);
                    Ed25519Curve.SetNeutral(_sumK);
                    _stage = StageLadderK;
                    _bit = 255;
                    break;
                case StageLadderK:
                    if (Ladder(_sumK, _negA, _k, 0, bits))
                    {
                        Ed25519Curve.SetNeutral(_sumS);
                        _curve.SetBase(_base);
                        _stage = StageLadderS;
                        _bit = 255;
                    }
                    break;
                case StageLadderS:
                    if (Ladder(_sumS, _base, _signature, 32, bits)) _stage = StageFinish;
                    break;
                default:
                    _curve.Add(_sumK, _sumS);
                    _curve.Encode(_encoded, _sumK);
                    _state = SignatureCheck.Valid;
                    for (int i = 0; i < 32; i++) if (_encoded[i] != _signature[i]) _state = SignatureCheck.Invalid;
                    break;
            }
            return _state;
        }

        /// <summary>Runs the whole check at once (tests and host tools; the station uses <see cref="Step"/>).</summary>
        public bool Verify(byte[] publicKey, byte[] signature, byte[] message, int offset, int count)
        {
            Begin(publicKey, signature, message, offset, count);
            while (Step(256) == SignatureCheck.Working) { }
            return _state == SignatureCheck.Valid;
        }

        bool Ladder(long[][] sum, long[][] point, byte[] scalar, int offset, int bits)
        {
            for (int n = 0; n < bits && _bit >= 0; n++, _bit--)
            {
                _curve.LadderStep(sum, point, (scalar[offset + (_bit >> 3)] >> (_bit & 7)) & 1);
            }
            return _bit < 0;
        }
    }
}
