package org.lodestone.agreement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SeedImportRepository implements PanacheRepositoryBase<SeedImport, String> {

    /**
     * Inserts the marker of a seed data set unless it is there; true when this call inserted it. Inserting first also
     * serialises two instances starting at once: the second waits on the key, then finds the marker.
     */
    public boolean claim(String name) {
        return getEntityManager()
                .createNativeQuery("insert into seed_import (name, rows) values (:name, 0) on conflict (name) do nothing")
                .setParameter("name", name).executeUpdate() == 1;
    }

    public void recordRows(String name, int rows) {
        update("rowCount = ?1 where name = ?2", rows, name);
    }
}
