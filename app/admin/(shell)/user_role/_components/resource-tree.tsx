"use client";

import { useTranslations } from "next-intl";
import { useController } from "react-hook-form";
import { FieldMessage } from "@/components/form/field";
import { aclTree, descendantsOf, withAncestors, type AclResource, type AclTreeNode } from "@/lib/auth/acl";

const TREE = aclTree();
const MESSAGE_ID = "resources-error";

/**
 * Magento's role resource tree as nested checkboxes: ticking a resource ticks its ancestors (they
 * are granted with it) and everything below it; clearing one clears everything below it.
 */
export function ResourceTree() {
  const t = useTranslations("System.roles");
  const { field } = useController({ name: "resources" });
  const ticked = new Set<string>(Array.isArray(field.value) ? (field.value as string[]) : []);
  const toggle = (id: AclResource, on: boolean) => {
    const next = new Set(ticked);
    const touched = on ? [...withAncestors([id]), ...descendantsOf(id)] : [id, ...descendantsOf(id)];
    for (const one of touched) {
      if (on) next.add(one);
      else next.delete(one);
    }
    field.onChange(withAncestors([...next]));
  };
  // A branch is a group named by its parent, so "Products" under Catalog and under Reports say where they are.
  const branch = (nodes: AclTreeNode[], nested = false) => (
    <ul className={nested ? "mt-1 space-y-1 border-l border-line pl-6" : "space-y-1"}>
      {nodes.map((node) => {
        const id = `resource-${node.id.replace(/\W/g, "-")}`;
        return (
          <li key={node.id}>
            <span className="flex items-center gap-2">
              <input
                id={id}
                type="checkbox"
                name="resources"
                value={node.id}
                checked={ticked.has(node.id)}
                onChange={(e) => toggle(node.id, e.target.checked)}
                aria-describedby={MESSAGE_ID}
                className="h-4 w-4 accent-accent"
              />
              <label id={`${id}-label`} htmlFor={id} className="text-sm">
                {t(`resources.${node.id}`)}
              </label>
            </span>
            {node.children.length > 0 && (
              <div role="group" aria-labelledby={`${id}-label`}>
                {branch(node.children, true)}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
  return (
    <fieldset className="mt-2">
      <legend className="text-sm font-semibold">{t("form.resources")}</legend>
      <FieldMessage id={MESSAGE_ID} name="resources" />
      <div className="mt-2">{branch(TREE)}</div>
    </fieldset>
  );
}
