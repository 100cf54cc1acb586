package org.lodestone.mineral;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MineralRepository implements PanacheRepositoryBase<Mineral, String> {

    public List<Mineral> allById() {
        return listAll(Sort.by("id"));
    }
}
