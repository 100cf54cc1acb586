package org.lodestone.mineral.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.ProductionFigure;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.ProductionDto;

@ApplicationScoped
public class ProductionService {

    public List<ProductionDto> search(String mineral, String country, Integer year, String measure) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (mineral != null) {
            clauses.add("mineralId = :mineral");
            params.put("mineral", mineral);
        }
        if (country != null) {
            clauses.add("countryCode = :country");
            params.put("country", country);
        }
        if (year != null) {
            clauses.add("year = :year");
            params.put("year", year);
        }
        if (measure != null) {
            clauses.add("measure = :measure");
            params.put("measure", measure);
        }
        String where = clauses.isEmpty() ? "" : String.join(" and ", clauses) + " ";
        return ProductionFigure.<ProductionFigure>list(where + "order by mineralId, measure, year, countryCode", params)
                .stream().map(MineralMapper::toDto).toList();
    }

    public ProductionDto get(long id) {
        ProductionFigure figure = ProductionFigure.findById(id);
        if (figure == null) {
            throw new ResourceNotFoundException("production figure", Long.toString(id));
        }
        return MineralMapper.toDto(figure);
    }

    public List<ProductionDto> byIds(Collection<Long> ids) {
        return ProductionFigure.<ProductionFigure>list("id in ?1 order by id", ids).stream().map(MineralMapper::toDto)
                .toList();
    }
}
