using Station.Core.Journal;
using Station.Hal;

namespace Station.Core.Update
{
    /// <summary>The station's side of an over-the-air update, as one state machine: offer, download by chunks,
    /// verification in slices, waiting for a safe moment, handing the image to the loader, probation, and its outcome.
    /// Every step survives a power cut: the state is stored on each change, the stored bundle length is the download
    /// progress, and the loader's record (<see cref="BootRecord"/>) is the truth about which image runs.</summary>
    /// <remarks>Thread-safe: the cloud thread offers, sends chunks, cancels and reads the status while the control
    /// loop's low-priority worker calls <see cref="Step"/>. One lock guards every public member, so a chunk never lands
    /// in the middle of a verification slice or of the hand-over to the loader; the longest wait for the cloud thread
    /// is one slice (<see cref="Step"/>'s ladderBits bound it).</remarks>
    public sealed class UpdateAgent : IFirmwareUpdate
    {
        /// <summary>Storage name of the agent's own record.</summary>
        public const string FileName = "update.rec";

        const int RecordLength = 44, VersionField = 24;

        readonly IStorage _storage;
        readonly byte[] _releaseKey;
        readonly string _board;
        readonly IRestartCheck _restart;
        readonly ChunkReceiver _receiver = new ChunkReceiver();
        readonly BundleVerifier _verifier = new BundleVerifier();
        readonly BootRecord _boot = new BootRecord();
        readonly byte[] _record = new byte[RecordLength];
        readonly object _gate = new object();
        UpdateState _state;
        UpdateReason _reason;
        int _slot = -1;
        long _version;
        string _versionText = "";

        /// <summary>An agent over the station's storage, release public key, board name and restart check.</summary>
        public UpdateAgent(IStorage storage, byte[] releaseKey, string board, IRestartCheck restart)
        {
            _storage = storage;
            _releaseKey = releaseKey;
            _board = board;
            _restart = restart;
        }

        /// <summary>Where the update stands.</summary>
        public UpdateState State { get { lock (_gate) return _state; } }

        /// <summary>Why it is there.</summary>
        public UpdateReason Reason { get { lock (_gate) return _reason; } }

        /// <summary>Bytes stored of the offered bundle.</summary>
        public int Received { get { lock (_gate) return _receiver.Received; } }

        /// <summary>The offered bundle size.</summary>
        public int Total { get { lock (_gate) return _receiver.Total; } }

        /// <summary>The offered version's text.</summary>
        public string Version { get { lock (_gate) return _versionText; } }

        /// <summary>The loader's record as this agent last read or wrote it.</summary>
        public BootRecord Boot { get { return _boot; } }

        /// <summary>Set once the loader's record names the new image: the device restarts when it sees this.</summary>
        public bool RestartRequested { get { lock (_gate) return _restartRequested; } }

        bool _restartRequested;

        /// <summary>What a restart now would interrupt (<see cref="UpdateReason.None"/> when nothing), from the
        /// station's restart check.</summary>
        public UpdateReason RestartBlocker() { return _restart.RestartBlocker(); }

        /// <summary>Recovers after a (re)boot from the stored records; the loader has already chosen and counted this boot.</summary>
        public void Start() { lock (_gate) StartLocked(); }

        void StartLocked()
        {
            _boot.Load(_storage);
            _state = UpdateState.Idle;
            _reason = UpdateReason.None;
            if (!LoadRecord()) return;
            UpdateState stored = _state;
            if (stored == UpdateState.Installing || stored == UpdateState.Installed)
            {
                if (_boot.TrialSlot == _slot) Set(UpdateState.Installed, UpdateReason.None);
                else if (_boot.ConfirmedSlot == _slot && _boot.LastOutcome == UpdateReason.None) Set(UpdateState.ProbationPassed, UpdateReason.None);
                else Set(UpdateState.RolledBack, _boot.LastOutcome == UpdateReason.None ? UpdateReason.BootsExhausted : _boot.LastOutcome);
                return;
            }
            if (stored == UpdateState.WaitingForSafeMoment && _boot.TrialSlot == _slot)
            {
                Set(UpdateState.Installed, UpdateReason.None); // cut after the loader's record was written, before ours
                return;
            }
            if (stored == UpdateState.Offered || stored == UpdateState.Downloading)
            {
                _receiver.Resume(_storage, BootRecord.SlotFile(_slot), _receiver.Total);
                if (_receiver.Complete) BeginVerify(UpdateReason.ResumedAfterRestart);
                else Set(UpdateState.Downloading, UpdateReason.ResumedAfterRestart);
                return;
            }
            if (stored == UpdateState.Downloaded || stored == UpdateState.Verifying || stored == UpdateState.WaitingForSafeMoment)
            {
                // The stored bytes are checked again from the start: a cut mid-check leaves nothing half-trusted.
                _receiver.Resume(_storage, BootRecord.SlotFile(_slot), _receiver.Total);
                BeginVerify(UpdateReason.ResumedAfterRestart);
            }
        }

        /// <summary>Accepts an offer of <paramref name="total"/> bytes of version <paramref name="version"/>; returns
        /// None, or why the offer is refused (the current update, if any, goes on).</summary>
        public UpdateReason Offer(string version, int total) { lock (_gate) return OfferLocked(version, total); }

        UpdateReason OfferLocked(string version, int total)
        {
            if (Busy()) return UpdateReason.UpdateInProgress;
            long number = FirmwareVersionNumber.Parse(version);
            if (number == FirmwareVersionNumber.Invalid || version.Length > VersionField || total <= BundleLayout.HeaderLength || total > BundleLayout.MaxLength)
                return UpdateReason.OfferMalformed;
            if (number < _boot.MinimumVersion) return UpdateReason.BelowMinimumVersion;
            if (_boot.TrialSlot >= 0) return UpdateReason.UpdateInProgress;
            _slot = _boot.FreeSlot();
            _version = number;
            _versionText = version;
            _receiver.Start(_storage, BootRecord.SlotFile(_slot), total);
            Set(UpdateState.Offered, UpdateReason.None);
            return UpdateReason.None;
        }

        /// <summary>One chunk of the offered bundle (offset, bytes, CRC-32); returns None when stored, or why not —
        /// the sender resumes from <see cref="Received"/>.</summary>
        public UpdateReason Chunk(int offset, byte[] data, int start, int count, uint crc) { lock (_gate) return ChunkLocked(offset, data, start, count, crc); }

        UpdateReason ChunkLocked(int offset, byte[] data, int start, int count, uint crc)
        {
            if (_state != UpdateState.Offered && _state != UpdateState.Downloading) return UpdateReason.OfferMalformed;
            UpdateReason r = _receiver.Accept(offset, data, start, count, crc);
            if (r != UpdateReason.None) return r;
            if (_receiver.Complete) BeginVerify(UpdateReason.None);
            else if (_state != UpdateState.Downloading) Set(UpdateState.Downloading, UpdateReason.None);
            return UpdateReason.None;
        }

        /// <summary>Cancels an update not yet handed to the loader; returns None or why not.</summary>
        public UpdateReason Cancel() { lock (_gate) return CancelLocked(); }

        UpdateReason CancelLocked()
        {
            if (_state == UpdateState.Installing || _state == UpdateState.Installed) return UpdateReason.UpdateInProgress;
            if (!Busy()) return UpdateReason.None;
            _storage.Delete(BootRecord.SlotFile(_slot));
            Set(UpdateState.Cancelled, UpdateReason.CancelledByOperator);
            return UpdateReason.None;
        }

        /// <summary>One slice of background work (call between ticks): verification, then the wait for a safe moment.</summary>
        public void Step(int ladderBits) { lock (_gate) StepLocked(ladderBits); }

        void StepLocked(int ladderBits)
        {
            if (_state == UpdateState.Verifying)
            {
                if (!_verifier.Step(ladderBits)) return;
                if (_verifier.Passed && _verifier.Manifest.VersionNumber == _version) Set(UpdateState.WaitingForSafeMoment, UpdateReason.None);
                else
                {
                    _storage.Delete(BootRecord.SlotFile(_slot));
                    Set(UpdateState.VerificationFailed, _verifier.Passed ? UpdateReason.SizeMismatch : _verifier.Reason);
                }
                return;
            }
            if (_state != UpdateState.WaitingForSafeMoment) return;
            UpdateReason blocker = _restart.RestartBlocker();
            if (blocker != UpdateReason.None)
            {
                if (blocker != _reason) Set(UpdateState.WaitingForSafeMoment, blocker);
                return;
            }
            // The loader's record first: once it names the trial, a cut anywhere after boots the new image on probation.
            BootSelector.StartTrial(_boot, _slot, _version);
            if (!_boot.Save(_storage))
            {
                _boot.Load(_storage);
                Set(UpdateState.WaitingForSafeMoment, UpdateReason.StorageFailed);
                return;
            }
            Set(UpdateState.Installing, UpdateReason.None);
            _restartRequested = true;
        }

        /// <summary>Probation passed: the running trial image becomes the confirmed one.</summary>
        public void ConfirmProbation() { lock (_gate) ConfirmProbationLocked(); }

        void ConfirmProbationLocked()
        {
            if (_state != UpdateState.Installed) return;
            BootSelector.Confirm(_boot);
            _boot.Save(_storage);
            Set(UpdateState.ProbationPassed, UpdateReason.None);
        }

        /// <summary>Probation failed: the loader returns to the confirmed image at the restart this requests.</summary>
        public void FailProbation(UpdateReason why) { lock (_gate) FailProbationLocked(why); }

        void FailProbationLocked(UpdateReason why)
        {
            if (_state != UpdateState.Installed) return;
            BootSelector.RollBack(_boot, why);
            _boot.Save(_storage);
            Set(UpdateState.RolledBack, why);
            _restartRequested = true;
        }

        bool Busy()
        {
            return _state == UpdateState.Offered || _state == UpdateState.Downloading || _state == UpdateState.Downloaded
                || _state == UpdateState.Verifying || _state == UpdateState.WaitingForSafeMoment || _state == UpdateState.Installing
                || _state == UpdateState.Installed;
        }

        void BeginVerify(UpdateReason why)
        {
            _verifier.Begin(_storage, BootRecord.SlotFile(_slot), _releaseKey, _board, LoaderVersion.Current, _boot.MinimumVersion);
            Set(UpdateState.Verifying, why);
        }

        void Set(UpdateState state, UpdateReason reason)
        {
            _state = state;
            _reason = reason;
            byte[] b = _record;
            for (int i = 0; i < RecordLength; i++) b[i] = 0;
            b[0] = 1; // format
            b[1] = (byte)state;
            b[2] = (byte)reason;
            b[3] = (byte)(sbyte)_slot;
            LittleEndian.Put(b, 4, _receiver.Total, 4);
            LittleEndian.Put(b, 8, _version, 6);
            for (int i = 0; i < _versionText.Length && i < VersionField; i++) b[14 + i] = (byte)_versionText[i];
            LittleEndian.Put(b, RecordLength - 4, Crc32.Compute(b, 0, RecordLength - 4), 4);
            _storage.Replace(FileName, b, 0, RecordLength);
        }

        bool LoadRecord()
        {
            byte[] b = _record;
            if (_storage.Read(FileName, 0, b, 0, RecordLength) != RecordLength || b[0] != 1
                || (uint)LittleEndian.Get(b, RecordLength - 4, 4) != Crc32.Compute(b, 0, RecordLength - 4)) return false;
            _slot = (sbyte)b[3];
            if (_slot < 0 || _slot > 1) return false;
            int total = (int)LittleEndian.Get(b, 4, 4);
            _version = LittleEndian.Get(b, 8, 6);
            int n = 0;
            while (n < VersionField && b[14 + n] != 0) n++;
            _versionText = System.Text.Encoding.UTF8.GetString(b, 14, n);
            _receiver.Resume(_storage, BootRecord.SlotFile(_slot), total);
            _state = (UpdateState)b[1];
            _reason = (UpdateReason)b[2];
            return true;
        }

        // ---- IFirmwareUpdate: the cloud's view, in words ----

        /// <inheritdoc />
        public string OfferUpdate(string version, int size) { return Word(Offer(version, size)); }

        /// <inheritdoc />
        public string CancelUpdate() { return Word(Cancel()); }

        /// <inheritdoc />
        public string UpdateChunk(int offset, byte[] data, int start, int count, uint crc) { return Word(Chunk(offset, data, start, count, crc)); }

        /// <inheritdoc />
        public int UpdateReceived { get { return Received; } }

        /// <inheritdoc />
        public int UpdateSize { get { return Total; } }

        /// <inheritdoc />
        public string UpdateVersion { get { return Version; } }

        /// <inheritdoc />
        public string UpdateStatus { get { lock (_gate) return UpdateWords.Status(_state, _reason); } }

        /// <inheritdoc />
        public string UpdateReasonWord { get { lock (_gate) return UpdateWords.Reason(_reason); } }

        static string Word(UpdateReason r) { return r == UpdateReason.None ? null : UpdateWords.Reason(r); }
    }
}
