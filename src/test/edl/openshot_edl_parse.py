"""Runs OpenShot's own EDL importer (openshot-qt, Debian) on an EDL and prints, as JSON, what it parsed.

OpenShot's importer is written against its running application: it asks a Qt file dialog for the file, and hands
each parsed event to create_clip(), which builds OpenShot project objects. This harness gives it the file instead
of the dialog, stands in for the application objects it reaches for, and records the events create_clip() is handed;
the parsing itself (the regular expressions, the grouping of lines into events) and OpenShot's timecode conversion
are OpenShot's code, unchanged.

usage: python3 openshot_edl_parse.py OPENSHOT_QT_DIR FILE.edl FPS
"""
import json
import sys
import types

openshot_dir, edl_path, fps = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, openshot_dir)


def stub(name, **attrs):
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    sys.modules[name] = module
    return module


class _Project:
    current_filepath = ""

    def get(self, key):
        return {"fps": {"num": fps, "den": 1}, "layers": [{"number": 1000000}]}[key]


class _Emitter:
    def emit(self, *args):
        pass


class _Window:
    refreshFrameSignal = _Emitter()
    propertyTableView = types.SimpleNamespace(select_frame=lambda *a: None)
    preview_thread = types.SimpleNamespace(player=types.SimpleNamespace(Position=lambda: 1))


class _App:
    project = _Project()
    window = _Window()

    @staticmethod
    def _tr(text):
        return text


class _Track:
    def __init__(self):
        self.data = {}

    def save(self):
        pass


stub("openshot")
stub("PyQt5")
stub("PyQt5.QtWidgets", QFileDialog=types.SimpleNamespace(getOpenFileName=lambda *a: (edl_path, "")))
stub("classes.app", get_app=lambda: _App())
stub("classes.info", HOME_PATH="/tmp", THUMBNAIL_PATH="/tmp", PATH="/tmp")
stub("classes.logger", log=types.SimpleNamespace(warning=print, info=print))
stub("classes.image_types", is_image=lambda data: False)
stub("classes.query", Clip=object, Track=_Track, File=object)
stub("windows")
stub("windows.views")
stub("windows.views.find_file", find_missing_file=lambda path: (path, False, False))

from classes.importers import edl  # noqa: E402  OpenShot's importer
from classes.time_parts import timecodeToSeconds  # noqa: E402  OpenShot's timecode conversion

events = []


def record(context, track):
    event = json.loads(json.dumps(context))
    for reel in ("AX",):
        for channel, times in context.get(reel, {}).items():
            event.setdefault("seconds", {})[channel] = {
                key: timecodeToSeconds(value, fps, 1) for key, value in times.items() if key != "edit_type"}
    events.append(event)


edl.create_clip = record
edl.import_edl()
print(json.dumps(events, indent=1))
