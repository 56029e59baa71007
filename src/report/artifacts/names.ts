/** Kubernetes object names: lowercase RFC 1123 labels (a-z, 0-9, "-"; alphanumeric ends; ≤ 63). */
const MAX_LENGTH = 63;

export function kubernetesName(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, "");
  return slug === "" ? "deployment" : slug;
}

/**
 * Names for several objects of one kind, distinct even when two inputs slugify alike
 * ("API" and "api"): later ones get "-2", "-3"… within the length limit.
 */
export function uniqueKubernetesNames(texts: string[]): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    const base = kubernetesName(text);
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const suffix = `-${n}`;
      name = `${base.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    }
    used.add(name);
    return name;
  });
}
