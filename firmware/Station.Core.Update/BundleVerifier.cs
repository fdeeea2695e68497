using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Update
{
    /// <summary>Checks a stored bundle a slice at a time: header and manifest (format, board, loader, downgrade floor,
    /// total length), the Ed25519 signature of the manifest with the station's release key, then each assembly's SHA-256
    /// read back from storage. Buffers are allocated once; a slice reads at most one block or does a few ladder bits.</summary>
    public sealed class BundleVerifier
    {
        /// <summary>Bytes read from storage per hashing slice.</summary>
        public const int BlockLength = 512;

        const int StageHeader = 0, StageSignature = 1, StageHashes = 2, StageDone = 3;

        readonly Ed25519Verifier _signature = new Ed25519Verifier();
        readonly Sha256 _sha = new Sha256();
        readonly byte[] _manifestText = new byte[BundleManifest.MaxLength];
        readonly byte[] _signatureBytes = new byte[Ed25519Verifier.SignatureLength];
        readonly byte[] _block = new byte[BlockLength];
        readonly byte[] _digest = new byte[Sha256.Length];
        readonly BundleManifest _manifest = new BundleManifest();
        IStorage _storage;
        string _file;
        byte[] _releaseKey;
        string _board;
        int _loaderVersion;
        long _minimumVersion;
        int _stage, _manifestLength, _assembly, _position, _remaining;
        UpdateReason _reason;

        /// <summary>The manifest once the header stage passed.</summary>
        public BundleManifest Manifest { get { return _manifest; } }

        /// <summary>Why the bundle was refused (None while working or when it passed).</summary>
        public UpdateReason Reason { get { return _reason; } }

        /// <summary>True once decided (passed or refused).</summary>
        public bool Done { get { return _stage == StageDone; } }

        /// <summary>True when decided and every check passed.</summary>
        public bool Passed { get { return _stage == StageDone && _reason == UpdateReason.None; } }

        /// <summary>Starts checking the bundle stored in <paramref name="file"/> for this station.</summary>
        public void Begin(IStorage storage, string file, byte[] releaseKey, string board, int loaderVersion, long minimumVersion)
        {
            _storage = storage;
            _file = file;
            _releaseKey = releaseKey;
            _board = board;
            _loaderVersion = loaderVersion;
            _minimumVersion = minimumVersion;
            _stage = StageHeader;
            _reason = UpdateReason.None;
        }

        /// <summary>Does one slice (<paramref name="ladderBits"/> bounds the signature's part); true once decided.</summary>
        public bool Step(int ladderBits)
        {
            switch (_stage)
            {
                case StageHeader: Header(); break;
                case StageSignature:
                    SignatureCheck s = _signature.Step(ladderBits);
                    if (s == SignatureCheck.Invalid) Refuse(UpdateReason.SignatureInvalid);
                    else if (s == SignatureCheck.Valid) StartAssembly(0, BundleLayout.PayloadOffset(_manifestLength));
                    break;
                case StageHashes: HashBlock(); break;
            }
            return _stage == StageDone;
        }

        void Header()
        {
            int length = _storage.Length(_file);
            if (length < BundleLayout.HeaderLength || _storage.Read(_file, 0, _block, 0, BundleLayout.HeaderLength) != BundleLayout.HeaderLength)
            {
                Refuse(UpdateReason.SizeMismatch);
                return;
            }
            _manifestLength = BundleLayout.ManifestLength(_block);
            if (_manifestLength < 0)
            {
                Refuse(UpdateReason.UnknownFormat);
                return;
            }
            if (length < BundleLayout.PayloadOffset(_manifestLength)
                || _storage.Read(_file, BundleLayout.HeaderLength, _manifestText, 0, _manifestLength) != _manifestLength
                || _storage.Read(_file, BundleLayout.HeaderLength + _manifestLength, _signatureBytes, 0, Ed25519Verifier.SignatureLength) != Ed25519Verifier.SignatureLength)
            {
                Refuse(UpdateReason.SizeMismatch);
                return;
            }
            UpdateReason r = ManifestParser.Parse(_manifestText, 0, _manifestLength, _manifest);
            // Refusing on a claim of the still unsigned manifest is safe: it can only refuse, never let anything through.
            if (r == UpdateReason.None && _manifest.Board != _board) r = UpdateReason.WrongBoard;
            if (r == UpdateReason.None && _manifest.MinimumLoader > _loaderVersion) r = UpdateReason.LoaderTooOld;
            if (r == UpdateReason.None && _manifest.VersionNumber < _minimumVersion) r = UpdateReason.BelowMinimumVersion;
            if (r == UpdateReason.None && length != BundleLayout.PayloadOffset(_manifestLength) + _manifest.PayloadLength()) r = UpdateReason.SizeMismatch;
            if (r != UpdateReason.None)
            {
                Refuse(r);
                return;
            }
            _signature.Begin(_releaseKey, _signatureBytes, _manifestText, 0, _manifestLength);
            _stage = StageSignature;
        }

        void StartAssembly(int index, int position)
        {
            if (index == _manifest.AssemblyCount)
            {
                _stage = StageDone;
                return;
            }
            _assembly = index;
            _position = position;
            _remaining = _manifest.AssemblySizes[index];
            _sha.Reset();
            _stage = StageHashes;
        }

        void HashBlock()
        {
            int take = _remaining < BlockLength ? _remaining : BlockLength;
            if (_storage.Read(_file, _position, _block, 0, take) != take)
            {
                Refuse(UpdateReason.StorageFailed);
                return;
            }
            _sha.Update(_block, 0, take);
            _position += take;
            _remaining -= take;
            if (_remaining > 0) return;
            _sha.Final(_digest, 0);
            byte[] expected = _manifest.AssemblyHashes[_assembly];
            for (int i = 0; i < Sha256.Length; i++)
            {
                if (_digest[i] != expected[i])
                {
                    Refuse(UpdateReason.HashMismatch);
                    return;
                }
            }
            StartAssembly(_assembly + 1, _position);
        }

        void Refuse(UpdateReason reason)
        {
            _reason = reason;
            _stage = StageDone;
        }
    }
}
