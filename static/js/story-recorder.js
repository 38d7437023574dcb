/* Record a story in the browser (progressive enhancement).
 *
 * Without this script, or where the browser cannot record, the file field still works: on
 * a phone it opens the recorder or the camera. With it, a "Start recording" button records
 * the voice with MediaRecorder and puts the recording into the file field, so it is sent
 * with the form like a chosen file. No inline script: the page's CSP allows only files.
 */
(function () {
  "use strict";

  function canRecord() {
    return Boolean(
      window.MediaRecorder &&
        navigator.mediaDevices &&
        navigator.mediaDevices.getUserMedia &&
        window.DataTransfer
    );
  }

  function extensionFor(type) {
    if (type.indexOf("ogg") !== -1) return "ogg";
    if (type.indexOf("mp4") !== -1) return "m4a";
    return "webm";
  }

  function setUp(box) {
    var input = document.getElementById(box.getAttribute("data-recorder-for"));
    var start = box.querySelector("[data-recorder-start]");
    var stop = box.querySelector("[data-recorder-stop]");
    var status = box.querySelector("[data-recorder-status]");
    if (!input || !start || !stop || !status) return;
    var recorder = null;
    var chunks = [];

    function say(key) {
      status.textContent = status.getAttribute("data-" + key) || "";
    }

    start.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(
        function (stream) {
          chunks = [];
          recorder = new MediaRecorder(stream);
          recorder.addEventListener("dataavailable", function (event) {
            if (event.data && event.data.size) chunks.push(event.data);
          });
          recorder.addEventListener("stop", function () {
            stream.getTracks().forEach(function (track) {
              track.stop();
            });
            var type = (recorder.mimeType || "audio/webm").split(";")[0];
            var file = new File(chunks, "recording." + extensionFor(type), { type: type });
            var transfer = new DataTransfer();
            transfer.items.add(file);
            input.files = transfer.files;
            say("done");
            start.disabled = false;
            stop.disabled = true;
            start.focus();
          });
          recorder.start();
          say("recording");
          start.disabled = true;
          stop.disabled = false;
          stop.focus();
        },
        function () {
          say("failed");
        }
      );
    });

    stop.addEventListener("click", function () {
      if (recorder && recorder.state !== "inactive") recorder.stop();
    });

    box.hidden = false;
  }

  function init() {
    if (!canRecord()) return;
    var boxes = document.querySelectorAll("[data-recorder-for]");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
