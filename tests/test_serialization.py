"""Safe model files: exact round trips, atomic writes, and corrupt or malicious files refused.

Every rejected file raises :class:`mlplab.serialization.ModelFileError`; a file
that tries to run code (a pickle payload, an object array) is refused before
anything is unpickled, which marker-file tests prove: the payload would create
a folder, and the folder never appears.
"""

from __future__ import annotations

import errno
import io
import json
import os
import pickle
import re
import stat
import struct
import tracemalloc
import warnings
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError as SklearnNotFittedError

import mlplab
from mlplab import MLP, MLPClassifier, NotFittedError
from mlplab import _io as io_module
from mlplab import serialization as ser
from mlplab.datasets import make_spirals
from mlplab.nn import SGD
from mlplab.serialization import ModelFileError

# max_iter=20 is a short fit on purpose: scikit-learn warns that it has not converged
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


# ------------------------------------------------------------------ helpers
def binary_data(n=64, seed=0):
    X, y = make_spirals(n, 0.1, seed=seed)
    return X / (4 * np.pi), y


def multi_data(n=90, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 3
    X = rng.normal(size=(n, 4)) + y[:, None]
    return X, y


def trained_mlp(kind="binary", optimizer="adam", dtype=np.float64, epochs=20, **kwargs):
    X, y = binary_data() if kind == "binary" else multi_data()
    sizes = [X.shape[1], 8, 1] if kind == "binary" else [X.shape[1], 8, 6, 3]
    activation = "tanh" if kind == "binary" else "relu"
    model = MLP(sizes, activation, 0.05, optimizer=optimizer, seed=0, dtype=dtype, **kwargs)
    model.train(X, y, epochs=epochs, batch_size=16)
    return model, X, y


def fitted_classifier(labels=None, **params):
    X, y = multi_data()
    if labels is not None:
        labels = np.asarray(labels)
        y = labels[y % labels.size]
    settings = {"hidden_layer_sizes": (8,), "learning_rate_init": 0.01, "max_iter": 20, "random_state": 0}
    return MLPClassifier(**{**settings, **params}).fit(X, y), X, y


def read_members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_members(path, members: dict[str, bytes], compression=zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return Path(path)


def read_metadata(path) -> dict:
    return json.loads(read_members(path)["metadata.json"])


def with_metadata(source, target, metadata=None, text=None) -> Path:
    """A copy of ``source`` whose metadata.json is ``metadata`` (or the raw ``text``)."""
    members = read_members(source)
    members["metadata.json"] = (text if text is not None else json.dumps(metadata)).encode("utf-8")
    return write_members(target, members)


def assert_rejected(path, match=None, **kwargs) -> ModelFileError:
    with pytest.raises(ModelFileError) as info:
        mlplab.load(path, **kwargs)
    assert type(info.value) is ModelFileError
    assert str(path) in str(info.value)
    if match is not None:
        assert re.search(match, str(info.value)), str(info.value)
    return info.value


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A saved MLP (Adam: three arrays) and a saved MLPClassifier with string labels."""
    folder = tmp_path_factory.mktemp("models")
    mlp, _, _ = trained_mlp()
    mlp.save(folder / "mlp.npz")
    classifier, _, _ = fitted_classifier(["ant", "bee", "cat"])
    classifier.save(folder / "classifier.npz")
    return {"MLP": folder / "mlp.npz", "MLPClassifier": folder / "classifier.npz"}


# ------------------------------------------------------------- round trips
def assert_same_mlp(a: MLP, b: MLP) -> None:
    assert type(b) is MLP
    assert b.layer_sizes == a.layer_sizes
    assert b.activation == a.activation
    assert b.network.dtype == a.network.dtype
    np.testing.assert_array_equal(b.network.params, a.network.params)
    assert b.optimizer.config() == a.optimizer.config()
    assert b.optimizer.n_steps == a.optimizer.n_steps
    for key, value in a.optimizer.state().items():
        np.testing.assert_array_equal(b.optimizer.state()[key], value)
    assert (b.l2, b.init, b.early_stopping, b.patience, b.min_delta, b.validation_fraction) == (
        a.l2, a.init, a.early_stopping, a.patience, a.min_delta, a.validation_fraction)  # fmt: skip
    assert b.restore_best_weights == a.restore_best_weights
    assert (b.history is None) == (a.history is None)
    if a.history is not None:
        assert b.history.as_dict() == a.history.as_dict()
    assert repr(b) == repr(a)


@pytest.mark.parametrize(
    ("kind", "optimizer", "dtype"),
    [
        ("binary", "adam", np.float64),
        ("binary", "sgd", np.float64),
        ("binary", "momentum", np.float32),
        ("softmax", "rmsprop", np.float64),
        ("softmax", "adam", np.float32),
    ],
)
def test_mlp_round_trip_is_exact_and_training_continues_identically(tmp_path, kind, optimizer, dtype):
    model, X, y = trained_mlp(kind, optimizer, dtype, l2=1e-3)
    path = tmp_path / "model.npz"
    model.save(path)
    loaded = mlplab.load(path)
    assert_same_mlp(model, loaded)
    np.testing.assert_array_equal(loaded.predict_proba(X), model.predict_proba(X))  # bit for bit
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    # Weights, optimiser state and random generators travel: both go on the same way.
    history = model.train(X, y, epochs=3, batch_size=16)
    history_loaded = loaded.train(X, y, epochs=3, batch_size=16)
    np.testing.assert_array_equal(loaded.network.params, model.network.params)
    assert history_loaded.as_dict() == history.as_dict()


def test_untrained_mlp_round_trip(tmp_path):
    model = MLP([2, 5, 1], "sigmoid", seed=3)
    model.save(tmp_path / "fresh.npz")
    loaded = mlplab.load(tmp_path / "fresh.npz")
    assert_same_mlp(model, loaded)
    with pytest.raises(NotFittedError):
        loaded.predict([[0.0, 0.0]])
    X, y = binary_data()
    model.train(X, y, epochs=2, batch_size=8)
    loaded.train(X, y, epochs=2, batch_size=8)
    np.testing.assert_array_equal(loaded.network.params, model.network.params)


def test_mlp_with_given_weights_and_early_stopping_round_trip(tmp_path):
    from mlplab.trace import SHEET_EXAMPLE

    model = MLP([2, 3, 2, 1], seed=0).set_weights(SHEET_EXAMPLE["weights"], SHEET_EXAMPLE["biases"])
    model.save(tmp_path / "sheet.npz")
    loaded = mlplab.load(tmp_path / "sheet.npz")
    x = np.array([SHEET_EXAMPLE["x"]])
    assert loaded.predict_proba(x)[0, 1] == model.predict_proba(x)[0, 1]

    stopping, _X, _y = trained_mlp(early_stopping=True, patience=3, epochs=40, validation_fraction=0.25)
    stopping.save(tmp_path / "stopping.npz")
    assert_same_mlp(stopping, mlplab.load(tmp_path / "stopping.npz"))


def test_custom_init_and_non_pcg_generator_are_saved_as_far_as_data_allows(tmp_path):
    def init(weight, rng):
        weight[...] = rng.uniform(-0.5, 0.5, size=weight.shape)

    seed = np.random.Generator(np.random.Philox(7))
    model = MLP([2, 4, 1], seed=seed, init=init)
    model.save(tmp_path / "custom.npz")
    loaded = mlplab.load(tmp_path / "custom.npz")
    assert loaded.init is None  # a function is not data; the weights it made are saved
    np.testing.assert_array_equal(loaded.network.params, model.network.params)
    X, y = binary_data()
    loaded.train(X, y, epochs=2)  # fresh generators, still trains


@pytest.mark.parametrize(
    "labels",
    [
        ["ant", "bee", "cat"],
        np.array(["ant", "bee", "cat"], dtype=object),
        [-1, 1],
        [False, True],
        [1.0, 2.0, 3.0],  # float classes_ (scikit-learn calls non-integral floats continuous)
        [3, 10, 200, 4000],
    ],
    ids=["str", "object", "minus-one-one", "bool", "float", "int"],
)
def test_classifier_round_trip_is_exact(tmp_path, labels):
    model, X, _ = fitted_classifier(labels)
    model.save(tmp_path / "classifier.npz")
    loaded = mlplab.load(tmp_path / "classifier.npz")
    assert type(loaded) is MLPClassifier
    np.testing.assert_array_equal(loaded.classes_, model.classes_)
    assert loaded.classes_.dtype == model.classes_.dtype
    prediction = loaded.predict(X)
    np.testing.assert_array_equal(prediction, model.predict(X))
    assert prediction.dtype == model.predict(X).dtype
    np.testing.assert_array_equal(loaded.predict_proba(X), model.predict_proba(X))
    np.testing.assert_array_equal(loaded.decision_function(X), model.decision_function(X))
    assert loaded.get_params() == model.get_params()
    for name in ("n_features_in_", "loss_curve_", "validation_loss_curve_", "loss_", "best_loss_",
                 "validation_scores_", "best_validation_score_", "n_iter_", "t_"):  # fmt: skip
        assert getattr(loaded, name) == getattr(model, name), name


def test_classifier_with_early_stopping_float32_and_feature_names(tmp_path):
    model, X, _y = fitted_classifier(
        ["x", "y", "z"], early_stopping=True, validation_fraction=0.3, n_iter_no_change=3, max_iter=50,
        dtype="float32", hidden_layer_sizes=[8, 4])  # fmt: skip
    model.save(tmp_path / "es.npz")
    loaded = mlplab.load(tmp_path / "es.npz")
    np.testing.assert_array_equal(loaded.predict_proba(X), model.predict_proba(X))
    assert loaded.validation_loss_curve_ == model.validation_loss_curve_
    assert loaded.validation_scores_ == model.validation_scores_
    assert loaded.best_validation_score_ == model.best_validation_score_
    assert loaded.network_.dtype == np.float32
    assert loaded.hidden_layer_sizes == (8, 4)  # a list parameter comes back as a tuple
    assert not hasattr(loaded, "feature_names_in_")
    model.feature_names_in_ = np.array(["a", "b", "c", "d"], dtype=object)  # as if fitted on a DataFrame
    model.save(tmp_path / "names.npz")
    loaded = mlplab.load(tmp_path / "names.npz")
    np.testing.assert_array_equal(loaded.feature_names_in_, model.feature_names_in_)
    assert loaded.feature_names_in_.dtype == object


def test_loaded_classifier_is_a_normal_estimator(tmp_path):
    model, X, y = fitted_classifier(["ant", "bee", "cat"])
    model.save(tmp_path / "c.npz")
    loaded = mlplab.load(tmp_path / "c.npz")
    again = pickle.loads(pickle.dumps(loaded))
    np.testing.assert_array_equal(again.predict_proba(X), model.predict_proba(X))
    loaded.fit(X, y)  # refits from scratch: the same random_state gives the same model
    np.testing.assert_array_equal(loaded.network_.params, model.network_.params)


def test_pickle_keeps_working_for_the_classifier():
    model, X, _ = fitted_classifier(["ant", "bee", "cat"])
    copy = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(copy.predict_proba(X), model.predict_proba(X))


def test_same_model_same_bytes_and_numpy_can_read_the_arrays(tmp_path):
    model, _, _ = trained_mlp()
    model.save(tmp_path / "a.npz")
    model.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    with np.load(tmp_path / "a.npz", allow_pickle=False) as archive:
        np.testing.assert_array_equal(archive["params"], model.network.params)
        np.testing.assert_array_equal(archive["optimizer.m"], model.optimizer.m)
    metadata = read_metadata(tmp_path / "a.npz")
    assert metadata["format"] == "mlplab-model"
    assert metadata["format_version"] == 2
    assert (metadata["head"], metadata["loss"]) == ("binary", "binary_cross_entropy")
    assert metadata["kind"] == "MLP"
    assert metadata["network"]["layer_sizes"] == [2, 8, 1]
    assert set(metadata["arrays"]) == {"params", "optimizer.m", "optimizer.v"}


def test_a_deflated_archive_is_accepted(tmp_path, files):
    path = write_members(tmp_path / "deflated.npz", read_members(files["MLP"]), zipfile.ZIP_DEFLATED)
    np.testing.assert_array_equal(mlplab.load(path).network.params, mlplab.load(files["MLP"]).network.params)


# --------------------------------------------------------------- atomicity
class FailingFile:
    """A file object whose writes fail with ENOSPC once ``limit`` bytes have been written."""

    def __init__(self, real, limit, error=errno.ENOSPC, exception=None):
        self._real, self._left, self._errno, self._exception = real, limit, error, exception

    def write(self, data):
        if len(data) >= self._left:
            if self._exception is not None:
                raise self._exception
            raise OSError(self._errno, os.strerror(self._errno))
        self._left -= len(data)
        return self._real.write(data)

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()


def patch_fdopen(monkeypatch, limit, **kwargs):
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        io_module.os, "fdopen", lambda fd, mode: FailingFile(real_fdopen(fd, mode), limit, **kwargs)
    )


@pytest.mark.parametrize("limit", [0, 100, 1000, 3000])
def test_a_full_disk_leaves_the_previous_file_intact_and_no_temporary_file(tmp_path, monkeypatch, limit):
    path = tmp_path / "model.npz"
    old, _, _ = trained_mlp(epochs=2)
    old.save(path)
    before = path.read_bytes()
    new, _, _ = trained_mlp(epochs=5)
    patch_fdopen(monkeypatch, limit)
    with pytest.raises(OSError, match=re.escape(str(path))) as info:
        new.save(path)
    assert info.value.errno == errno.ENOSPC
    assert "No space left on device" in str(info.value)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["model.npz"]
    monkeypatch.undo()
    np.testing.assert_array_equal(mlplab.load(path).network.params, old.network.params)


@pytest.mark.parametrize("where", ["fsync", "replace", "interrupt"])
def test_a_failure_late_in_the_save_leaves_nothing_behind(tmp_path, monkeypatch, where):
    path = tmp_path / "model.npz"
    model, _, _ = trained_mlp(epochs=2)
    model.save(path)
    before = path.read_bytes()
    other, _, _ = trained_mlp(epochs=4)

    def fail(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    if where == "interrupt":
        patch_fdopen(monkeypatch, 500, exception=KeyboardInterrupt())
        expected = KeyboardInterrupt
    else:
        monkeypatch.setattr(io_module.os, where, fail)
        expected = OSError
    with pytest.raises(expected):
        other.save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["model.npz"]


def test_a_failed_first_save_leaves_no_file(tmp_path, monkeypatch):
    model, _, _ = trained_mlp(epochs=2)
    patch_fdopen(monkeypatch, 200)
    with pytest.raises(OSError, match="No space left on device"):
        model.save(tmp_path / "new.npz")
    assert os.listdir(tmp_path) == []


def test_overwriting_keeps_the_permissions(tmp_path):
    model, _, _ = trained_mlp(epochs=2)
    path = tmp_path / "model.npz"
    model.save(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o600 == 0o600
    assert not mode & 0o111
    os.chmod(path, 0o640)
    model.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# ------------------------------------------------ corrupt and malicious files
def member_data_offsets(path) -> dict[str, tuple[int, int]]:
    """Where each member's bytes start in the file, and how many there are."""
    raw = Path(path).read_bytes()
    offsets = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name_length, extra_length = struct.unpack(
                "<HH", raw[info.header_offset + 26 : info.header_offset + 30]
            )
            start = info.header_offset + 30 + name_length + extra_length
            offsets[info.filename] = (start, info.compress_size)
    return offsets


def flip(raw: bytes, index: int) -> bytes:
    return raw[:index] + bytes([raw[index] ^ 0xFF]) + raw[index + 1 :]


@pytest.mark.parametrize("kind", ["MLP", "MLPClassifier"])
def test_empty_and_truncated_files_are_rejected(tmp_path, files, kind):
    raw = files[kind].read_bytes()
    path = tmp_path / "bad.npz"
    path.write_bytes(b"")
    assert_rejected(path)
    for cut in sorted({1, 4, 30, 100, len(raw) // 4, len(raw) // 2, 3 * len(raw) // 4, len(raw) - 22,
                       len(raw) - 10, len(raw) - 1}):  # fmt: skip
        path.write_bytes(raw[:cut])
        assert_rejected(path)


@pytest.mark.parametrize("kind", ["MLP", "MLPClassifier"])
def test_a_flipped_byte_in_every_member_is_detected(tmp_path, files, kind):
    raw = files[kind].read_bytes()
    path = tmp_path / "flipped.npz"
    offsets = member_data_offsets(files[kind])
    assert len(offsets) == 4  # params, Adam's m and v, metadata (a classifier keeps its optimiser state too)
    for _name, (start, size) in offsets.items():
        for index in (start, start + 9, start + size // 2, start + size - 1):  # header, body, last byte
            path.write_bytes(flip(raw, index))
            assert_rejected(path)


@pytest.mark.parametrize("name", ["params", "optimizer.m", "optimizer.v"])
def test_a_changed_array_with_a_valid_crc_fails_its_sha256(tmp_path, files, name):
    members = read_members(files["MLP"])
    data = bytearray(members[f"{name}.npy"])
    data[-3] ^= 0x01  # one bit of one weight; the rewritten zip has a correct CRC-32
    members[f"{name}.npy"] = bytes(data)
    assert_rejected(write_members(tmp_path / "tampered.npz", members), match="SHA-256")


@pytest.mark.parametrize("seed", range(4))
def test_random_bytes_are_rejected(tmp_path, seed):
    rng = np.random.default_rng(seed)
    path = tmp_path / "random.npz"
    for size in (1, 64, 5000):
        path.write_bytes(rng.bytes(size))
        assert_rejected(path)
        path.write_bytes(b"PK\x03\x04" + rng.bytes(size))  # looks like a zip
        assert_rejected(path)


class Payload:
    """Unpickling this runs ``os.mkdir(marker)``: proof that a pickle was executed."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def object_array_npy(marker) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.array([Payload(marker), 1.0], dtype=object), allow_pickle=True)
    return buffer.getvalue()


def payload_files(folder: Path, marker: Path, files) -> dict[str, Path]:
    """Files whose unpickling would create ``marker``."""
    payload = pickle.dumps(Payload(marker))
    made = {}
    made["pickle"] = folder / "pickle.npz"
    made["pickle"].write_bytes(payload)
    made["npy-object-array"] = folder / "object.npy"
    made["npy-object-array"].write_bytes(object_array_npy(marker))

    members = read_members(files["MLP"])
    members["params.npy"] = object_array_npy(marker)  # genuine metadata, object array in its place
    made["object-array-member"] = write_members(folder / "object-member.npz", members)

    metadata = json.loads(members["metadata.json"])
    metadata["arrays"]["params"]["dtype"] = "|O"
    metadata["arrays"]["params"]["shape"] = [2]
    made["object-array-declared"] = with_metadata(
        made["object-array-member"], folder / "declared.npz", metadata
    )

    members = read_members(files["MLP"])
    members["params.npy"] = payload  # a raw pickle where an array should be
    made["pickle-member"] = write_members(folder / "pickle-member.npz", members)

    members = read_members(files["MLP"])
    members["extra.pkl"] = payload
    made["extra-pickle-member"] = write_members(folder / "extra.npz", members)

    buffer = io.BytesIO()
    np.savez(buffer, params=np.array([Payload(marker)], dtype=object))  # np.savez pickles objects
    made["savez-object-array"] = folder / "savez.npz"
    made["savez-object-array"].write_bytes(buffer.getvalue())
    return made


def test_the_payloads_are_live(tmp_path, files):
    """The malicious files really would run code if unpickled (so the next test proves something)."""
    marker = tmp_path / "marker"
    made = payload_files(tmp_path, marker, files)
    pickle.loads(made["pickle"].read_bytes())
    assert marker.exists()
    marker.rmdir()
    with np.load(made["savez-object-array"], allow_pickle=True) as archive:
        archive["params"]
    assert marker.exists()


@pytest.mark.parametrize(
    "case",
    ["pickle", "npy-object-array", "object-array-member", "object-array-declared", "pickle-member",
     "extra-pickle-member", "savez-object-array"],
)  # fmt: skip
def test_no_payload_ever_runs(tmp_path, files, case):
    marker = tmp_path / "marker"
    path = payload_files(tmp_path, marker, files)[case]
    assert_rejected(path)
    assert not marker.exists()


def test_a_header_claiming_a_huge_shape_is_refused_before_allocation(tmp_path, files):
    members = read_members(files["MLP"])
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)})
    members["params.npy"] = header.getvalue() + b"\0" * 64
    path = write_members(tmp_path / "huge-header.npz", members)
    tracemalloc.start()
    try:
        assert_rejected(path, match="shape")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def test_metadata_claiming_a_huge_network_is_refused_before_allocation(tmp_path, files):
    metadata = read_metadata(files["MLP"])
    metadata["network"]["layer_sizes"] = [10**6, 10**6, 1]
    n = 10**6 * 10**6 + 10**6 + 10**6 + 1
    for entry in metadata["arrays"].values():
        entry["shape"] = [n]
    path = with_metadata(files["MLP"], tmp_path / "huge.npz", metadata)
    tracemalloc.start()
    try:
        assert_rejected(path, match="max_bytes")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path, files):
    members = read_members(files["MLP"])
    members["params.npy"] = b"\0" * 20_000_000  # 20 MB of zeros deflate to about 20 kB
    path = write_members(tmp_path / "bomb.npz", members, zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 1_000_000
    assert_rejected(path, match="max_bytes", max_bytes=1_000_000)


def test_max_bytes_caps_the_file_size(tmp_path, files):
    size = files["MLP"].stat().st_size
    assert_rejected(files["MLP"], match="max_bytes", max_bytes=size - 1)
    assert isinstance(mlplab.load(files["MLP"], max_bytes=size), MLP)


def test_archive_structure_problems_are_rejected(tmp_path, files):
    members = read_members(files["MLP"])
    missing = dict(members)
    del missing["optimizer.v.npy"]
    assert_rejected(write_members(tmp_path / "missing.npz", missing), match="expected")
    no_metadata = dict(members)
    del no_metadata["metadata.json"]
    assert_rejected(write_members(tmp_path / "no-metadata.npz", no_metadata), match="metadata.json")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate name
        path = tmp_path / "duplicate.npz"
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
            archive.writestr("params.npy", members["params.npy"])
    assert_rejected(path, match="duplicate")
    for compression in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        assert_rejected(write_members(tmp_path / "bz.npz", members, compression), match="compression")
    wrong_version = dict(members)
    wrong_version["params.npy"] = b"\x93NUMPY\x09\x00" + members["params.npy"][8:]
    assert_rejected(write_members(tmp_path / "npy-version.npz", wrong_version), match="format version")
    short = dict(members)
    short["params.npy"] = members["params.npy"][:-8]
    assert_rejected(write_members(tmp_path / "short.npz", short))
    fortran = dict(members)
    fortran["params.npy"] = members["params.npy"].replace(
        b"'fortran_order': False", b"'fortran_order': True "
    )
    assert_rejected(write_members(tmp_path / "fortran.npz", fortran), match="fortran_order=True")


def test_a_device_file_is_not_read(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(ModelFileError, match="not a regular file"):
        mlplab.load("/dev/zero")


DELETE = object()

METADATA_CASES = [
    # (kind, dotted path, new value); DELETE removes the field
    ("MLP", "format", DELETE),
    ("MLP", "format_version", DELETE),
    ("MLP", "kind", DELETE),
    ("MLP", "mlplab_version", DELETE),
    ("MLP", "network", DELETE),
    ("MLP", "arrays", DELETE),
    ("MLP", "model", DELETE),
    ("MLP", "optimizer", DELETE),
    ("MLP", "surprise", 1),
    ("MLP", "format", "zip"),
    ("MLP", "format_version", 3),
    ("MLP", "head", "identity"),
    ("MLP", "head", "softmax"),
    ("MLP", "loss", "mean_squared_error"),
    ("MLP", "loss", DELETE),
    ("MLP", "face", DELETE),
    ("MLP", "optimizer.state", []),
    ("MLP", "optimizer.state", ["m"]),
    ("MLP", "format_version", "1"),
    ("MLP", "format_version", True),
    ("MLP", "kind", "Evil"),
    ("MLP", "kind", "MLPClassifier"),
    ("MLP", "network.layer_sizes", [2]),
    ("MLP", "network.layer_sizes", [2, 0, 1]),
    ("MLP", "network.layer_sizes", [2, -8, 1]),
    ("MLP", "network.layer_sizes", [2, 8.0, 1]),
    ("MLP", "network.layer_sizes", [2, True, 1]),
    ("MLP", "network.layer_sizes", "2,8,1"),
    ("MLP", "network.layer_sizes", [2, 9, 1]),
    ("MLP", "network.activation", "softmax"),
    ("MLP", "network.dtype", "float16"),
    ("MLP", "network.dtype", "object"),
    ("MLP", "network.extra", 1),
    ("MLP", "optimizer.name", "lbfgs"),
    ("MLP", "optimizer.name", "sgd"),
    ("MLP", "optimizer.beta1", DELETE),
    ("MLP", "optimizer.beta1", 1.5),
    ("MLP", "optimizer.learning_rate", -1),
    ("MLP", "optimizer.learning_rate", "0.1"),
    ("MLP", "optimizer.n_steps", -1),
    ("MLP", "optimizer.n_steps", 1.5),
    ("MLP", "arrays.params.sha256", "0" * 64),
    ("MLP", "arrays.params.sha256", "xyz"),
    ("MLP", "arrays.params.shape", [34]),
    ("MLP", "arrays.params.shape", [1, 33]),
    ("MLP", "arrays.params.dtype", "<f4"),
    ("MLP", "arrays.params.dtype", ">f8"),
    ("MLP", "arrays.optimizer.m", DELETE),
    ("MLP", "arrays.extra", {"dtype": "<f8", "shape": [1], "sha256": "0" * 64}),
    ("MLP", "model.l2", -1),
    ("MLP", "face.stopper.patience", 0),
    ("MLP", "model.fitted", "yes"),
    ("MLP", "model.init", "nonsense"),
    ("MLP", "model.validation_fraction", 2),
    ("MLP", "model.history.train_loss", ["low"]),
    ("MLP", "model.history.best_epoch", 0),
    ("MLP", "model.history", []),
    ("MLP", "model.history.train_metrics.accuracy", [0.5]),
    ("MLP", "model.history.stopped_epoch", 1000),
    ("MLP", "model.random_state.init.state.state", 2**200),
    ("MLP", "model.random_state.init.bit_generator", "MT19937"),
    ("MLP", "model.random_state.split", DELETE),
    ("MLPClassifier", "face.classes", [1, "a", 2.5]),
    ("MLPClassifier", "face.classes", ["cat", "bee", "ant"]),
    ("MLPClassifier", "face.classes", ["ant", "ant", "cat"]),
    ("MLPClassifier", "face.classes", ["ant", "bee"]),
    ("MLPClassifier", "face.classes", [["ant"], ["bee"], ["cat"]]),
    ("MLPClassifier", "face.classes", [{"x": 1}, "bee", "cat"]),
    ("MLPClassifier", "face.classes_dtype", "|S3"),
    ("MLPClassifier", "face.classes_dtype", "<M8[D]"),
    ("MLPClassifier", "face.classes_dtype", "<U1"),
    ("MLPClassifier", "face.classes_dtype", "banana"),
    ("MLPClassifier", "face.params.hidden_layer_sizes", [9]),
    ("MLPClassifier", "face.params.hidden_layer_sizes", [[8]]),
    ("MLPClassifier", "face.params.activation", "tanh"),
    ("MLPClassifier", "face.params.learning_rate_init", -1),
    ("MLPClassifier", "face.params.surprise", 1),
    ("MLPClassifier", "face.params.dtype", "float32"),
    ("MLPClassifier", "face.n_features_in", 0),
    ("MLPClassifier", "face.feature_names_in", ["a"]),
    ("MLPClassifier", "face.fit.loss_curve", [1, "x"]),
    ("MLPClassifier", "face.fit.t", -1),
    ("MLPClassifier", "head", "binary"),
    ("MLPClassifier", "optimizer.name", "sgd"),
    ("MLPClassifier", "face.fit.validation_scores", [0.5, "x"]),
]


def edited(metadata: dict, dotted: str, value) -> dict:
    keys = dotted.split(".")
    if keys[0] == "arrays" and len(keys) > 2 and keys[1] == "optimizer":  # array names contain a dot
        keys = ["arrays", f"optimizer.{keys[2]}", *keys[3:]]
    target = metadata
    for key in keys[:-1]:
        target = target[key]
    if value is DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return metadata


METADATA_IDS = [f"{kind}-{dotted}-{'DELETE' if v is DELETE else v}" for kind, dotted, v in METADATA_CASES]


@pytest.mark.parametrize(("kind", "dotted", "value"), METADATA_CASES, ids=METADATA_IDS)
def test_bad_metadata_is_rejected(tmp_path, files, kind, dotted, value):
    metadata = edited(read_metadata(files[kind]), dotted, value)
    assert_rejected(with_metadata(files[kind], tmp_path / "bad.npz", metadata))


@pytest.mark.parametrize(
    ("kind", "find", "replace"),
    [
        ("MLP", '"l2": 0.0', '"l2": NaN'),
        ("MLP", '"l2": 0.0', '"l2": Infinity'),
        ("MLP", '"l2": 0.0', '"l2": -Infinity'),
        ("MLP", '"l2": 0.0', '"l2": 1e999'),
        ("MLP", '"l2": 0.0', '"l2": 0.0, "l2": 0.5'),
        ("MLP", '"format_version": 2', '"format_version": 2' + "0" * 5000),
        ("MLPClassifier", '"loss_curve": [', '"loss_curve": [NaN, '),
        ("MLPClassifier", '"best_validation_score": null', '"best_validation_score": NaN'),
    ],
)
def test_non_numbers_and_json_tricks_are_rejected(tmp_path, files, kind, find, replace):
    text = read_members(files[kind])["metadata.json"].decode()
    assert find in text
    assert_rejected(with_metadata(files[kind], tmp_path / "bad.npz", text=text.replace(find, replace, 1)))


NOT_OBJECTS = {
    "empty": "",
    "list": "[]",
    "string": '"mlplab"',
    "broken": "{",
    "deep": "[" * 100_000 + "]" * 100_000,
    "not-utf8": "\udcff",
}


@pytest.mark.parametrize("text", NOT_OBJECTS.values(), ids=NOT_OBJECTS.keys())
def test_metadata_that_is_not_a_json_object_is_rejected(tmp_path, files, text):
    members = read_members(files["MLP"])
    members["metadata.json"] = text.encode("utf-8", "surrogateescape")
    assert_rejected(write_members(tmp_path / "bad.npz", members))


def leaves(node, prefix=()):
    """Every scalar leaf of a JSON document (the first element of each list only)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*prefix, key))
    elif isinstance(node, list) and node:
        yield from leaves(node[0], (*prefix, 0))
        yield (*prefix, 0)  # the list element itself, replaced whole
        yield prefix
    else:
        yield prefix


@pytest.mark.parametrize("kind", ["MLP", "MLPClassifier"])
def test_any_changed_metadata_field_loads_or_raises_model_file_error(tmp_path, files, kind):
    """Fuzz: every field, replaced by values of every JSON type, never gives another exception."""
    original = read_metadata(files[kind])
    path = tmp_path / "fuzz.npz"
    outcomes = {"loaded": 0, "rejected": 0}
    for where in sorted(set(leaves(original)), key=str):
        for value in (None, -1, 0, 2**70, 1e308, -0.5, True, "x", [], {}, [1, 2]):
            metadata = json.loads(json.dumps(original))
            target = metadata
            for key in where[:-1]:
                target = target[key]
            if not where:
                continue
            target[where[-1]] = value
            with_metadata(files[kind], path, metadata)
            try:
                mlplab.load(path)
            except ModelFileError:
                outcomes["rejected"] += 1
            else:
                outcomes["loaded"] += 1
    assert outcomes["rejected"] > 5 * outcomes["loaded"]  # the rest are valid values (a new learning rate...)


# ---------------------------------------------------------------- bad input
def message(name: str, value: str) -> str:
    return r"(?s)(?<![\w.])" + re.escape(name) + r"(?!\w).*" + re.escape(value)


BAD_LOAD_ARGUMENTS = [
    ({"path": None}, TypeError, "path", "None"),
    ({"path": 3}, TypeError, "path", "3"),
    ({"path": 2.5}, TypeError, "path", "2.5"),
    ({"path": b"model.npz"}, TypeError, "path", "b'model.npz'"),
    ({"path": ["model.npz"]}, TypeError, "path", "['model.npz']"),
    ({"path": ""}, ValueError, "path", "''"),
    ({"path": "model\0.npz"}, ValueError, "path", "'model\\x00.npz'"),
    ({"max_bytes": 0}, ValueError, "max_bytes", "0"),
    ({"max_bytes": -5}, ValueError, "max_bytes", "-5"),
    ({"max_bytes": "1"}, TypeError, "max_bytes", "'1'"),
    ({"max_bytes": 1.5}, TypeError, "max_bytes", "1.5"),
    ({"max_bytes": True}, TypeError, "max_bytes", "True"),
    ({"max_bytes": None}, TypeError, "max_bytes", "None"),
]


@pytest.mark.parametrize(("kwargs", "error", "name", "value"), BAD_LOAD_ARGUMENTS,
                         ids=[str(k) for k, *_ in BAD_LOAD_ARGUMENTS])  # fmt: skip
def test_bad_load_arguments(files, kwargs, error, name, value):
    kwargs = {"path": files["MLP"], **kwargs}
    with pytest.raises(error, match=message(name, value)) as info:
        mlplab.load(kwargs.pop("path"), **kwargs)
    assert type(info.value) is error


def test_load_of_a_missing_file_or_a_folder_raises_the_usual_os_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path / "nope.npz"))):
        mlplab.load(tmp_path / "nope.npz")
    with pytest.raises(IsADirectoryError):
        mlplab.load(tmp_path)


BAD_SAVE_MODELS = [None, "model", object(), np.zeros(3)]


@pytest.mark.parametrize("model", BAD_SAVE_MODELS, ids=["None", "str", "object", "array"])
def test_save_refuses_what_is_not_a_model(tmp_path, model):
    with pytest.raises(
        TypeError, match=r"model must be an mlplab model \(MLP, MLPClassifier, MLPRegressor\)"
    ):
        ser.save(model, tmp_path / "x.npz")


@pytest.mark.parametrize(
    ("path", "error", "pattern"),
    [
        (None, TypeError, message("path", "None")),
        (5, TypeError, message("path", "5")),
        ("", ValueError, message("path", "''")),
    ],
)
def test_save_refuses_bad_paths(path, error, pattern):
    model, _, _ = trained_mlp(epochs=1)
    with pytest.raises(error, match=pattern) as info:
        model.save(path)
    assert type(info.value) is error


def test_save_onto_a_folder_or_into_a_new_folder(tmp_path):
    model, _, _ = trained_mlp(epochs=1)
    with pytest.raises(IsADirectoryError, match=re.escape(str(tmp_path))):
        model.save(tmp_path)
    assert os.listdir(tmp_path) == []
    missing = tmp_path / "new" / "folder" / "model.npz"
    model.save(missing)  # folders are made, as for every file mlplab writes
    np.testing.assert_array_equal(mlplab.load(missing).network.params, model.network.params)


def test_save_refuses_models_a_data_file_cannot_hold(tmp_path):
    class Custom(SGD):
        pass

    with pytest.raises(ValueError, match="custom optimizer Custom"):
        MLP([2, 3, 1], optimizer=Custom(0.1), seed=0).save(tmp_path / "custom.npz")
    model, _, _ = fitted_classifier()
    model.classes_ = np.array([b"a", b"b", b"c"])  # bytes labels (scikit-learn refuses them in fit)
    with pytest.raises(ValueError, match="cannot save classes_ of dtype"):
        model.save(tmp_path / "bytes.npz")
    with pytest.raises(SklearnNotFittedError):
        MLPClassifier().save(tmp_path / "unfitted.npz")
    assert os.listdir(tmp_path) == []


def test_a_loaded_file_was_checked_with_crc_too(tmp_path, files):
    """zlib's CRC-32 of each member is verified (a flipped byte in metadata.json is caught by it)."""
    raw = files["MLP"].read_bytes()
    start, size = member_data_offsets(files["MLP"])["metadata.json"]
    path = tmp_path / "crc.npz"
    path.write_bytes(flip(raw, start + size // 2))
    error = assert_rejected(path)
    assert isinstance(error.__cause__, zipfile.BadZipFile | zlib.error) or "CRC" in str(error)
