// wirecheck pages: point at a fact to find it in every article; toggle annotation kinds.
"use strict";

function marksOf(key) {
  return document.querySelectorAll("mark[data-keys~='" + CSS.escape(key) + "']");
}

function focusFact(item, on) {
  item.classList.toggle("active", on);
  marksOf(item.dataset.key).forEach((mark) => mark.classList.toggle("active", on));
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("li.fact[data-key]").forEach((item) => {
    item.addEventListener("mouseenter", () => focusFact(item, true));
    item.addEventListener("mouseleave", () => focusFact(item, false));
    item.addEventListener("focus", () => focusFact(item, true));
    item.addEventListener("blur", () => focusFact(item, false));
    item.addEventListener("click", () => {
      const first = marksOf(item.dataset.key)[0];
      if (first) first.scrollIntoView({ block: "center", inline: "nearest", behavior: "smooth" });
    });
  });
  const texts = document.querySelectorAll(".article-text");  // the headline and the text
  document.querySelectorAll("input[data-kind]").forEach((box) => {
    box.addEventListener("change", () => {
      box.dataset.kind.split(" ").forEach((kind) => {
        texts.forEach((text) => text.classList.toggle("hide-" + kind, !box.checked));
      });
    });
  });
});
